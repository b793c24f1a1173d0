using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Application.Selling;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>
/// The card's life at HQ and the till: numbering into stock, activation to a member, top-up, payment with
/// PIN, reversal, refund, freeze, loss report and close. Money moves only through <see cref="CardLedger"/>;
/// status changes go through the tracked card and its <see cref="Card.Version"/> token.
/// </summary>
internal sealed class CardService(CardsDbContext db, CardLedger ledger, CounterCharges charges, ICustomerLookup customers, TimeProvider time, ProductionService production)
{
    private const int StatusChangeAttempts = 3;

    /// <summary>Quick numbering into HQ stock; the numbers are made by <see cref="ProductionService"/>, which records the run.</summary>
    public Task<Result<IReadOnlyList<CardView>>> CreateAsync(CreateCardsInput input, CancellationToken cancellationToken) =>
        production.NumberIntoStockAsync(input.ProductId!.Value, input.Quantity ?? 1, cancellationToken);

    public async Task<CardView?> GetAsync(string number, CancellationToken cancellationToken) =>
        await FindAsync(number, cancellationToken) is { } card ? CardView.From(card) : null;

    public async Task<PagedCards> ListAsync(CardStatus? status, Guid? productId, string? holderCode, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var query = db.Cards.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        if (productId is { } p)
        {
            query = query.Where(c => c.ProductId == p);
        }

        if (!string.IsNullOrWhiteSpace(holderCode))
        {
            var code = holderCode.Trim().ToUpperInvariant();
            query = query.Where(c => c.HolderCode == code);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(c => c.Number).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedCards(items.Select(c => CardView.From(c, masked: true)).ToList(), total, page, pageSize);
    }

    public async Task<IReadOnlyList<LedgerEntryView>?> LedgerAsync(string number, CancellationToken cancellationToken)
    {
        if (await FindAsync(number, cancellationToken) is not { } card)
        {
            return null;
        }

        var entries = await db.Ledger.AsNoTracking().Where(e => e.CardId == card.Id).ToListAsync(cancellationToken);
        return entries.OrderBy(e => e.OccurredAt).Select(LedgerEntryView.From).ToList();
    }

    /// <summary>
    /// Store sale (门店售卡): the card leaves stock for a member, with an optional first top-up within the product's limits.
    /// A card in a store's stock is sold by that store only (field storeCode); a card in HQ stock by anyone with the Sell
    /// permission. The product's fee and deposit are taken at the counter and recorded as charges (not off the card).
    /// </summary>
    public async Task<Result<CardView>> ActivateAsync(string number, ActivationInput input, CancellationToken cancellationToken)
    {
        if (await FindAsync(number, cancellationToken) is not { } found)
        {
            return NoCard();
        }

        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == found.ProductId, cancellationToken);
        if (!IsSellable(found.Status))
        {
            return Refuse.Conflict("The card is {0}; only a card in stock can be activated.", found.Status);
        }

        if (!product.IsActive)
        {
            return Refuse.Conflict("The card's product is not active.");
        }

        if (WrongStore(found, input.StoreCode) is { } wrongStore)
        {
            return wrongStore;
        }

        var member = await customers.FindByCodeAsync(input.MemberCode!.Trim(), cancellationToken);
        if (member is null)
        {
            return Refuse.Invalid("memberCode", "No customer of this tenant has this code.");
        }

        if (product.PinRequired && !Pins.IsWellFormed(input.Pin))
        {
            return Refuse.Invalid("pin", "The product needs a PIN of 4 to 8 digits.");
        }

        if (!product.PinRequired && input.Pin is not null && !Pins.IsWellFormed(input.Pin))
        {
            return Refuse.Invalid("pin", "A PIN has 4 to 8 digits.");
        }

        var initial = input.InitialTopUp ?? 0;
        if (initial > 0 && TopUpLimit(product, initial, "initialTopUp") is { } limit)
        {
            return limit;
        }

        return await ledger.AtomicAsync<CardView>(async () =>
        {
            var card = await db.Cards.FirstAsync(c => c.Id == found.Id, cancellationToken);
            if (!IsSellable(card.Status))
            {
                return Refuse.Conflict("The card is {0}; only a card in stock can be activated.", card.Status);
            }

            if (WrongStore(card, input.StoreCode) is { } movedAway)
            {
                return movedAway;
            }

            var now = time.GetUtcNow().UtcDateTime;
            card.Status = CardStatus.Active;
            card.HolderCustomerId = member.Id;
            card.HolderCode = member.Code;
            card.ActivatedAt = now;
            card.StatusChangedAt = now;
            card.ExpiresAt = product.ValidityMonths > 0 ? now.AddMonths(product.ValidityMonths) : null;
            card.PinHash = input.Pin is null ? null : Pins.Hash(input.Pin);
            card.FailedPinAttempts = 0;
            card.StoreCode = input.StoreCode?.Trim();
            card.LocationCode = null;
            card.Balance = initial;
            card.Version++;
            ledger.Append(card.Id, LedgerEntryKind.Issue, 0, 0, new CardLedger.Totals(0, card.Points), input.ReceiptId, input.StoreCode,
                reference: $"fee {product.Fee}, deposit {product.Deposit} {product.Currency}");
            if (initial > 0)
            {
                ledger.Append(card.Id, LedgerEntryKind.TopUp, initial, 0, new CardLedger.Totals(initial, card.Points), input.ReceiptId, input.StoreCode);
            }

            var taken = charges.Sale(card.Id, product, input.StoreCode, input.ReceiptId, "sale");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Refuse.Conflict("The card was changed meanwhile; try again.");
            }

            return CardView.From(card) with { Charges = taken.Select(ChargeView.From).ToList() };
        }, cancellationToken);
    }

    /// <summary>
    /// Top-up within the product's limits. Like a payment, a second top-up with the card's receipt id (checked after
    /// the limits and the card's status) is the first again (same amount) or refused (another amount), also when they race.
    /// </summary>
    public async Task<Result<TransactionView>> TopUpAsync(string number, TopUpInput input, CancellationToken cancellationToken)
    {
        var amount = input.Amount!.Value;
        if (await FindAsync(number, cancellationToken) is not { } card)
        {
            return NoCard();
        }

        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == card.ProductId, cancellationToken);
        if (TopUpLimit(product, amount, "amount") is { } limit)
        {
            return limit;
        }

        if (NotUsable(card) is { } notActive)
        {
            return notActive;
        }

        if (await SameReceiptAsync(card, LedgerEntryKind.TopUp, input.ReceiptId, amount, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        try
        {
            return await TopUpOnceAsync(card, product, amount, input, cancellationToken);
        }
        catch (DbUpdateException) when (!string.IsNullOrWhiteSpace(input.ReceiptId))
        {
            // A parallel request with the same receipt id won the unique index; answer by its entry.
            if (await SameReceiptAsync(card, LedgerEntryKind.TopUp, input.ReceiptId, amount, cancellationToken) is { } raced)
            {
                return raced;
            }

            throw;
        }
    }

    private async Task<Result<TransactionView>> TopUpOnceAsync(Card card, CardProduct product, long amount, TopUpInput input, CancellationToken cancellationToken)
    {
        var maxBalance = product.MaxBalance;
        return await ledger.AtomicAsync<TransactionView>(async () =>
        {
            var after = await ledger.MoveAsync(card.Id, amount, 0, c => c.Status == CardStatus.Active && c.Balance + amount <= maxBalance, false, cancellationToken);
            if (after is not { } totals)
            {
                var now = await db.Cards.AsNoTracking().FirstAsync(c => c.Id == card.Id, cancellationToken);
                return NotUsable(now) ?? Refuse.Invalid("amount", "The balance would exceed the product's maximum of {0} (balance now {1}).", new MoneyAmount(maxBalance, now.Currency), new MoneyAmount(now.Balance, now.Currency));
            }

            var entry = ledger.Append(card.Id, LedgerEntryKind.TopUp, amount, 0, totals, input.ReceiptId, input.StoreCode);
            await db.SaveChangesAsync(cancellationToken);
            return new TransactionView(entry.Id, card.Number, entry.Kind, amount, totals.Balance, totals.Points, 0, card.Currency);
        }, cancellationToken);
    }

    /// <summary>
    /// Till payment (门店卡支付): refused when the card is not active (or expired), the PIN is wrong (the card
    /// locks after the product's number of wrong PINs in a row) or the balance is short. Earns points by the
    /// product's rule, as a separate ledger entry linked to the payment.
    /// </summary>
    /// <remarks>
    /// Status and PIN are checked first. Then a receipt id names one payment of the card: a retry with it (same amount) gets the first payment back and
    /// nothing is charged again; another amount is refused (409, field receiptId). The unique index on
    /// (tenant, card, kind, receipt) decides between parallel requests; the loser answers by the winner's entry.
    /// </remarks>
    public async Task<Result<TransactionView>> PayAsync(string number, PaymentInput input, CancellationToken cancellationToken)
    {
        var amount = input.Amount!.Value;
        if (await FindAsync(number, cancellationToken) is not { } card)
        {
            return NoCard();
        }

        if (NotUsable(card) is { } notActive)
        {
            return notActive;
        }

        // The PIN is checked before a receipt's earlier payment is shown again.
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == card.ProductId, cancellationToken);
        var checksPin = card.PinHash is not null;
        if (checksPin && (input.Pin is null || !Pins.Verify(input.Pin, card.PinHash!)))
        {
            return await WrongPinAsync(card, product, cancellationToken);
        }

        if (await SameReceiptAsync(card, LedgerEntryKind.Payment, input.ReceiptId, -amount, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        try
        {
            return await PayOnceAsync(card, product, checksPin, amount, input, cancellationToken);
        }
        catch (DbUpdateException) when (!string.IsNullOrWhiteSpace(input.ReceiptId))
        {
            // A parallel request with the same receipt id won the unique index; answer by its entry.
            if (await SameReceiptAsync(card, LedgerEntryKind.Payment, input.ReceiptId, -amount, cancellationToken) is { } raced)
            {
                return raced;
            }

            throw;
        }
    }

    private async Task<Result<TransactionView>> PayOnceAsync(Card card, CardProduct product, bool checksPin, long amount, PaymentInput input, CancellationToken cancellationToken)
    {
        var points = product.PointsFor(amount);
        var now = time.GetUtcNow().UtcDateTime;
        return await ledger.AtomicAsync<TransactionView>(async () =>
        {
            // The debit and the points it earns in one statement: the row stays locked until commit, so the
            // totals between the two entries are the totals after it less the points.
            var moved = await ledger.MoveAsync(card.Id, -amount, points,
                c => c.Status == CardStatus.Active && c.Balance >= amount && (c.ExpiresAt == null || c.ExpiresAt > now), checksPin, cancellationToken);
            if (moved is not { } totals)
            {
                var current = await db.Cards.AsNoTracking().FirstAsync(c => c.Id == card.Id, cancellationToken);
                return NotUsable(current) ?? Refuse.InsufficientBalance("The balance is {0}; the payment needs {1}.", new MoneyAmount(current.Balance, current.Currency), new MoneyAmount(amount, current.Currency));
            }

            var payment = ledger.Append(card.Id, LedgerEntryKind.Payment, -amount, 0, totals with { Points = totals.Points - points }, input.ReceiptId, input.StoreCode);
            if (points > 0)
            {
                ledger.Append(card.Id, LedgerEntryKind.PointsEarn, 0, points, totals, input.ReceiptId, input.StoreCode, payment.Id);
            }

            await db.SaveChangesAsync(cancellationToken);
            return new TransactionView(payment.Id, card.Number, payment.Kind, -amount, totals.Balance, totals.Points, points, card.Currency);
        }, cancellationToken);
    }

    /// <summary>Undoes a whole payment once: the money goes back on the card and the points it earned are taken back (as far as they are left).</summary>
    public Task<Result<TransactionView>> ReverseAsync(Guid paymentId, ReversalInput input, CancellationToken cancellationToken) =>
        CreditPaymentAsync(paymentId, null, input.ReceiptId, input.StoreCode, cancellationToken);

    /// <summary>Refunds part or all of a payment onto the card; refunds of one payment never add up to more than it, and none after a reversal.</summary>
    public Task<Result<TransactionView>> RefundAsync(Guid paymentId, RefundInput input, CancellationToken cancellationToken) =>
        CreditPaymentAsync(paymentId, input.Amount!.Value, input.ReceiptId, input.StoreCode, cancellationToken);

    private async Task<Result<TransactionView>> CreditPaymentAsync(Guid paymentId, long? refund, string? receiptId, string? storeCode, CancellationToken cancellationToken)
    {
        var payment = await db.Ledger.AsNoTracking().FirstOrDefaultAsync(e => e.Id == paymentId && e.Kind == LedgerEntryKind.Payment, cancellationToken);
        if (payment is null)
        {
            return Refuse.NotFound("No such card payment.");
        }

        var card = await db.Cards.AsNoTracking().FirstAsync(c => c.Id == payment.CardId, cancellationToken);
        var paid = -payment.Amount;
        var amount = refund ?? paid;
        var kind = refund is null ? LedgerEntryKind.Reversal : LedgerEntryKind.Refund;
        return await ledger.AtomicAsync<TransactionView>(async () =>
        {
            // The credit first: it locks the card's row, so the checks below see every earlier reversal and refund.
            var credited = await ledger.MoveAsync(card.Id, amount, 0,
                c => c.Status == CardStatus.Active || c.Status == CardStatus.Frozen || c.Status == CardStatus.Lost || c.Status == CardStatus.Expired, false, cancellationToken);
            if (credited is not { } afterCredit)
            {
                return Refuse.CardNotActive("The card is closed or void; money cannot go back onto it.");
            }

            var earlier = await db.Ledger.AsNoTracking()
                .Where(e => e.OriginalEntryId == payment.Id && (e.Kind == LedgerEntryKind.Reversal || e.Kind == LedgerEntryKind.Refund))
                .Select(e => new { e.Kind, e.Amount }).ToListAsync(cancellationToken);
            if (earlier.Any(e => e.Kind == LedgerEntryKind.Reversal))
            {
                return Refuse.AlreadyReversed("The payment was reversed already.");
            }

            if (kind == LedgerEntryKind.Reversal && earlier.Count > 0)
            {
                return Refuse.Conflict("The payment was partly refunded; refund the rest instead of reversing it.");
            }

            var refundedBefore = earlier.Sum(e => e.Amount);
            if (refundedBefore + amount > paid)
            {
                return Refuse.Invalid("amount", "Refunds of this payment would exceed it: paid {0}, refunded {1} already.", new MoneyAmount(paid, card.Currency), new MoneyAmount(refundedBefore, card.Currency));
            }

            var earned = await db.Ledger.AsNoTracking().Where(e => e.OriginalEntryId == payment.Id && e.Kind == LedgerEntryKind.PointsEarn)
                .SumAsync(e => e.Points, cancellationToken);
            var takeBack = (long)((Int128)earned * amount / paid);
            takeBack = Math.Min(takeBack, afterCredit.Points);
            var totals = afterCredit;
            if (takeBack > 0)
            {
                totals = await ledger.MoveAsync(card.Id, 0, -takeBack, _ => true, false, cancellationToken) ?? afterCredit;
            }

            var entry = ledger.Append(card.Id, kind, amount, 0, afterCredit, receiptId, storeCode, payment.Id);
            if (takeBack > 0)
            {
                // Points taken back are their own entry, linked to the payment like the points it earned.
                ledger.Append(card.Id, LedgerEntryKind.PointsRedeem, 0, -takeBack, totals, receiptId, storeCode, payment.Id, reference: kind.ToString());
            }

            await db.SaveChangesAsync(cancellationToken);
            return new TransactionView(entry.Id, card.Number, kind, amount, totals.Balance, totals.Points, -takeBack, card.Currency);
        }, cancellationToken);
    }

    /// <summary>Points redemption (积分兑换): the points leave the card as a PointsRedeem entry; never below zero.</summary>
    public async Task<Result<TransactionView>> RedeemPointsAsync(string number, PointsRedemptionInput input, CancellationToken cancellationToken)
    {
        var points = input.Points!.Value;
        if (await FindAsync(number, cancellationToken) is not { } card)
        {
            return NoCard();
        }

        if (NotUsable(card) is { } notActive)
        {
            return notActive;
        }

        var now = time.GetUtcNow().UtcDateTime;
        return await ledger.AtomicAsync<TransactionView>(async () =>
        {
            var after = await ledger.MoveAsync(card.Id, 0, -points, c => c.Status == CardStatus.Active && (c.ExpiresAt == null || c.ExpiresAt > now), false, cancellationToken);
            if (after is not { } totals)
            {
                var current = await db.Cards.AsNoTracking().FirstAsync(c => c.Id == card.Id, cancellationToken);
                return NotUsable(current) ?? Refuse.Invalid("points", "The card has {0} points; {1} cannot be redeemed.", current.Points, points);
            }

            var entry = ledger.Append(card.Id, LedgerEntryKind.PointsRedeem, 0, -points, totals, input.ReceiptId, input.StoreCode, reference: "redeem: " + input.Reason!.Trim());
            await db.SaveChangesAsync(cancellationToken);
            return new TransactionView(entry.Id, card.Number, entry.Kind, 0, totals.Balance, totals.Points, -points, card.Currency);
        }, cancellationToken);
    }

    /// <summary>Fees, deposits and deposit refunds taken at the counter for the card, oldest first.</summary>
    public async Task<IReadOnlyList<ChargeView>?> ChargesAsync(string number, CancellationToken cancellationToken) =>
        await FindAsync(number, cancellationToken) is { } card ? await charges.OfCardAsync(card.Id, cancellationToken) : null;

    public Task<Result<CardView>> FreezeAsync(string number, CancellationToken cancellationToken) =>
        ChangeStatusAsync(number, [CardStatus.Active], CardStatus.Frozen, null, cancellationToken);

    public Task<Result<CardView>> UnfreezeAsync(string number, CancellationToken cancellationToken) =>
        ChangeStatusAsync(number, [CardStatus.Frozen], CardStatus.Active, c => c.FailedPinAttempts = 0, cancellationToken);

    /// <summary>Loss report (挂失): the card stops at once; its money stays for an exchange or a refund on close.</summary>
    public Task<Result<CardView>> ReportLossAsync(string number, CancellationToken cancellationToken) =>
        ChangeStatusAsync(number, [CardStatus.Active, CardStatus.Frozen], CardStatus.Lost, null, cancellationToken);

    /// <summary>
    /// Closes a card and pays its balance out (Refund entry); points left are written off (Adjustment entry).
    /// A payment landing between the read and the write moves the version, so the close is tried again on the new balance.
    /// </summary>
    public async Task<Result<CardView>> CloseAsync(string number, ReversalInput input, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await ledger.AtomicAsync<CardView>(async () =>
            {
                var card = await db.Cards.FirstOrDefaultAsync(c => c.Number == number, cancellationToken);
                if (card is null)
                {
                    return NoCard();
                }

                if (card.Status is not (CardStatus.Active or CardStatus.Frozen or CardStatus.Lost or CardStatus.Expired))
                {
                    return Refuse.CardNotActive("The card is {0}; it cannot be closed.", card.Status);
                }

                var (balance, points) = (card.Balance, card.Points);
                card.Balance = 0;
                card.Points = 0;
                card.Status = CardStatus.Closed;
                card.StatusChangedAt = time.GetUtcNow().UtcDateTime;
                card.Version++;
                if (balance != 0)
                {
                    ledger.Append(card.Id, LedgerEntryKind.Refund, -balance, 0, new CardLedger.Totals(0, points), input.ReceiptId, input.StoreCode, reference: "close");
                }

                if (points != 0)
                {
                    ledger.Append(card.Id, LedgerEntryKind.Adjustment, 0, -points, new CardLedger.Totals(0, 0), input.ReceiptId, input.StoreCode, reference: "close: points written off");
                }

                // The deposit taken at the sale goes back in cash with the balance.
                var deposit = await charges.DepositHeldAsync(card.Id, cancellationToken);
                var refund = deposit > 0 ? charges.Add(card.Id, CardChargeKind.DepositRefund, -deposit, card.Currency, input.StoreCode, input.ReceiptId, "close") : null;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return Refuse.Conflict("The card was changed meanwhile; try again.");
                }

                return CardView.From(card) with { Charges = refund is null ? [] : [ChargeView.From(refund)] };
            }, cancellationToken);
            if (outcome.Refusal is not { Code: Refuse.ConflictCode } || attempt == StatusChangeAttempts)
            {
                return outcome;
            }
        }
    }

    private async Task<Result<CardView>> ChangeStatusAsync(string number, CardStatus[] from, CardStatus to, Action<Card>? also, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var card = await db.Cards.FirstOrDefaultAsync(c => c.Number == number, cancellationToken);
            if (card is null)
            {
                return NoCard();
            }

            if (!from.Contains(card.Status))
            {
                return Refuse.CardNotActive("The card is {0}; it cannot become {1}.", card.Status, to);
            }

            card.Status = to;
            card.StatusChangedAt = time.GetUtcNow().UtcDateTime;
            card.Version++;
            also?.Invoke(card);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return CardView.From(card);
            }
            catch (DbUpdateConcurrencyException) when (attempt < StatusChangeAttempts)
            {
                // A payment or another clerk changed the card meanwhile: read it again and re-decide.
            }
            catch (DbUpdateConcurrencyException)
            {
                return Refuse.Conflict("The card keeps changing; try again.");
            }
        }
    }

    /// <summary>
    /// The card's earlier entry of this kind with this receipt id: its answer again when the amount is the same,
    /// a refusal (field receiptId) when it differs; null when there is none (or no receipt id).
    /// </summary>
    private async Task<Result<TransactionView>?> SameReceiptAsync(Card card, LedgerEntryKind kind, string? receiptId, long amount, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(receiptId))
        {
            return null;
        }

        var receipt = receiptId.Trim();
        var entry = await db.Ledger.AsNoTracking().FirstOrDefaultAsync(e => e.CardId == card.Id && e.Kind == kind && e.ReceiptId == receipt, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        if (entry.Amount != amount)
        {
            var what = kind.ToString().ToLowerInvariant();
            return Refuse.ConflictAt("receiptId", "Receipt {0} was used for a " + what + " of {1} on this card already; a new " + what + " needs a new receipt id.",
                receipt, new MoneyAmount(Math.Abs(entry.Amount), card.Currency));
        }

        var points = await db.Ledger.AsNoTracking().Where(e => e.OriginalEntryId == entry.Id && e.Kind == LedgerEntryKind.PointsEarn)
            .Select(e => new { e.Points, e.PointsAfter }).FirstOrDefaultAsync(cancellationToken);
        return new TransactionView(entry.Id, card.Number, entry.Kind, entry.Amount, entry.BalanceAfter, points?.PointsAfter ?? entry.PointsAfter, points?.Points ?? 0, card.Currency);
    }

    /// <summary>Counts a wrong PIN in one statement (parallel wrong PINs all count) and locks the card at the product's limit.</summary>
    private async Task<Refusal> WrongPinAsync(Card card, CardProduct product, CancellationToken cancellationToken)
    {
        var limit = product.PinMaxAttempts;
        var now = time.GetUtcNow().UtcDateTime;
        await db.Cards.Where(c => c.Id == card.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.FailedPinAttempts, c => c.FailedPinAttempts + 1)
            .SetProperty(c => c.Status, c => c.Status == CardStatus.Active && c.FailedPinAttempts + 1 >= limit ? CardStatus.Frozen : c.Status)
            .SetProperty(c => c.StatusChangedAt, c => c.Status == CardStatus.Active && c.FailedPinAttempts + 1 >= limit ? now : c.StatusChangedAt)
            .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        var failed = await db.Cards.AsNoTracking().Where(c => c.Id == card.Id).Select(c => c.FailedPinAttempts).FirstAsync(cancellationToken);
        return Refuse.PinInvalid(Math.Max(0, limit - failed));
    }

    private Task<Card?> FindAsync(string number, CancellationToken cancellationToken)
    {
        var trimmed = number.Trim();
        return db.Cards.AsNoTracking().FirstOrDefaultAsync(c => c.Number == trimmed, cancellationToken);
    }

    private Refusal? NotUsable(Card card)
    {
        if (card.Status != CardStatus.Active)
        {
            return Refuse.CardNotActive("The card is {0}.", card.Status);
        }

        return card.ExpiresAt is { } expires && expires <= time.GetUtcNow().UtcDateTime
            ? Refuse.CardNotActive("The card expired on {0:yyyy-MM-dd}.", expires)
            : null;
    }

    private static Refusal? TopUpLimit(CardProduct product, long amount, string field) =>
        amount < product.MinTopUp ? Refuse.Invalid(field, "A top-up is at least {0}.", new MoneyAmount(product.MinTopUp, product.Currency))
        : amount > product.MaxTopUp ? Refuse.Invalid(field, "A top-up is at most {0}.", new MoneyAmount(product.MaxTopUp, product.Currency))
        : amount > product.MaxBalance ? Refuse.Invalid(field, "The balance may not exceed {0}.", new MoneyAmount(product.MaxBalance, product.Currency))
        : null;

    /// <summary>A card can be sold from HQ stock or from a store's stock; produced cards are not put away yet, cards in transit not received.</summary>
    private static bool IsSellable(CardStatus status) => status is CardStatus.InStock or CardStatus.AtStore;

    /// <summary>A card in a store's stock is sold by that store only; HQ stock (no store location) by anyone.</summary>
    private static Refusal? WrongStore(Card card, string? storeCode) =>
        card.Status == CardStatus.AtStore && !string.Equals(card.LocationCode, storeCode?.Trim(), StringComparison.OrdinalIgnoreCase)
            ? Refuse.Invalid("storeCode", "The card is in the stock of store {0}; only that store can sell it.", card.LocationCode ?? "")
            : null;

    private static Refusal NoCard() => Refuse.NotFound("No such card.");
}
