using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Host.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Host.Controllers.Pages;

public sealed record UsersPage(IReadOnlyList<User> Users, IReadOnlyList<Role> Roles, IReadOnlyList<UnitNode> Units, Guid? Me, FormState? Form, string? Message, string? Error);

/// <summary>Users: create, edit (name, unit, roles), deactivate and reactivate, unlock, set a new password.</summary>
public sealed partial class AdminController
{
    [HttpGet("users")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IActionResult> Users(CancellationToken cancellationToken) =>
        View(await UsersPageAsync(null, cancellationToken));

    [HttpPost("users")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IActionResult> CreateUser(string? userName, string? displayName, string? password, Guid? unitId, string[]? roles, [FromServices] UserAdministration users, CancellationToken cancellationToken)
    {
        var result = await users.CreateAsync(userName, displayName, password, unitId, roles ?? [], cancellationToken);
        return result.Succeeded
            ? Done(nameof(Users), "Created {0}.", userName!.Trim())
            : View(nameof(Users), await UsersPageAsync(Refused("new-user", result), cancellationToken));
    }

    [HttpPost("users/{id:guid}")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IActionResult> UpdateUser(Guid id, string? displayName, Guid? unitId, string[]? roles, [FromServices] UserAdministration users, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        var result = await users.UpdateAsync(id, new UserUpdate(displayName, unitId, roles ?? [], user.IsActive), cancellationToken);
        return result.Succeeded
            ? Done(nameof(Users), "Saved {0}.", user.UserName)
            : await UserRefusedAsync("profile-" + id, result, cancellationToken);
    }

    [HttpPost("users/{id:guid}/active")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IActionResult> SetUserActive(Guid id, bool active, [FromServices] UserAdministration users, CancellationToken cancellationToken)
    {
        var result = await users.SetActiveAsync(id, active, cancellationToken);
        return result.Succeeded
            ? Done(nameof(Users), active ? "Reactivated {0}." : "Deactivated {0}.", await UserNameAsync(id, cancellationToken))
            : await UserRefusedAsync("active-" + id, result, cancellationToken);
    }

    [HttpPost("users/{id:guid}/unlock")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IActionResult> UnlockUser(Guid id, [FromServices] UserAdministration users, CancellationToken cancellationToken)
    {
        var result = await users.UnlockAsync(id, cancellationToken);
        return result.Succeeded
            ? Done(nameof(Users), "Unlocked {0}.", await UserNameAsync(id, cancellationToken))
            : await UserRefusedAsync("unlock-" + id, result, cancellationToken);
    }

    [HttpPost("users/{id:guid}/password")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IActionResult> SetUserPassword(Guid id, string? password, [FromServices] UserAdministration users, CancellationToken cancellationToken)
    {
        var result = await users.SetPasswordAsync(id, password, cancellationToken);
        return result.Succeeded
            ? Done(nameof(Users), "Set a new password for {0}.", await UserNameAsync(id, cancellationToken))
            : await UserRefusedAsync("password-" + id, result, cancellationToken);
    }

    private async Task<IActionResult> UserRefusedAsync(string formId, AdminResult result, CancellationToken cancellationToken) =>
        result.Status == StatusCodes.Status404NotFound ? NotFound() : View(nameof(Users), await UsersPageAsync(Refused(formId, result), cancellationToken));

    private async Task<string> UserNameAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == id).Select(u => u.UserName).FirstAsync(cancellationToken);

    private async Task<UsersPage> UsersPageAsync(FormState? form, CancellationToken cancellationToken)
    {
        var units = await db.OrganizationUnits.AsNoTracking().ToListAsync(cancellationToken);
        return new UsersPage(
            await db.Users.AsNoTracking().Include(u => u.Roles).OrderBy(u => u.UserName).ToListAsync(cancellationToken),
            await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken),
            UnitTree.Order(units),
            HttpContext.RequestServices.GetRequiredService<ICurrentUser>().Id,
            form,
            Message,
            Error);
    }
}
