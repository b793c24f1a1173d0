using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Campaigns;

/// <summary>
/// Call lists of the customers another module chose (an analysis segment): checked and split among the agents as a
/// list made from a filter is (<see cref="CampaignService"/>), so they show on the call list pages like any other, with
/// no filter. Each customer is looked up, one by one, through the members module's <see cref="ICustomerLookup.FindAsync"/>.
/// </summary>
internal sealed class OutboundCallLists(CampaignService campaigns, ICustomerLookup customers) : IOutboundCallLists
{
    public async Task<Result<CallListMade>> CreateAsync(NewCallList list, CancellationToken cancellationToken = default)
    {
        var fields = new List<FieldRefusal>();
        var checkedList = await campaigns.CheckAsync(list.Name, list.AgentUserIds, fields, cancellationToken);
        var ids = (list.CustomerIds ?? []).Distinct().ToList();
        if (ids.Count > IOutboundCallLists.MaxCustomers)
        {
            fields.Add(new FieldRefusal("customerIds", LocalizableText.Of("A list takes at most {0} customers.", IOutboundCallLists.MaxCustomers)));
        }
        else if (ids.Count == 0)
        {
            fields.Add(new FieldRefusal("customerIds", LocalizableText.Of("Choose one or more customers with a phone number.")));
        }

        if (fields.Count > 0)
        {
            return CampaignService.Invalid(fields);
        }

        var callees = new List<CustomerSummary>();
        var withoutPhone = 0;
        foreach (var id in ids)
        {
            // A customer the members module does not find (not of this tenant, or unknown) is left out, counted in neither figure.
            if (await customers.FindAsync(id, cancellationToken) is not { } customer)
            {
                continue;
            }

            if (CampaignService.HasPhone(customer))
            {
                callees.Add(customer);
            }
            else
            {
                withoutPhone++;
            }
        }

        if (callees.Count == 0)
        {
            return CampaignService.Invalid([new FieldRefusal("customerIds", LocalizableText.Of("None of the customers has a phone number."))]);
        }

        var campaign = await campaigns.SaveAsync(checkedList, callees, filter: null, cancellationToken);
        return new CallListMade(campaign.Id, callees.Count, withoutPhone);
    }
}
