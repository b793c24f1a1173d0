using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Host.Controllers.Pages;

public sealed record UsersPage(IReadOnlyList<UserDto> Users, IReadOnlyList<RoleDto> Roles, IReadOnlyList<UnitNode> Units, Guid? Me);

/// <summary>Users: create, edit (name, unit, roles), deactivate and reactivate, unlock, set a new password.</summary>
public sealed partial class AdminController
{
    public const string NewUserForm = "new-user";

    [HttpGet("users")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IActionResult> Users(CancellationToken cancellationToken) => View(nameof(Users), await UsersPageAsync(cancellationToken));

    [HttpPost("users")]
    [RequirePermission(KernelPermissions.Users)]
    [PostOnce]
    public async Task<IActionResult> CreateUser(string? userName, string? displayName, string? password, Guid? unitId, string[]? roles, CancellationToken cancellationToken) =>
        await UserDone(await users.CreateAsync(new NewUser(userName, displayName, password, unitId, roles ?? []), cancellationToken), NewUserForm, "Created {0}.", cancellationToken);

    [HttpPost("users/{id:guid}")]
    [RequirePermission(KernelPermissions.Users)]
    [PostOnce]
    public async Task<IActionResult> UpdateUser(Guid id, string? displayName, Guid? unitId, string[]? roles, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(id, cancellationToken);
        var result = user.IsRefused ? user : await users.UpdateAsync(id, new UserUpdate(displayName, unitId, roles ?? [], user.Value.IsActive), cancellationToken);
        return await UserDone(result, ProfileForm(id), "Saved {0}.", cancellationToken);
    }

    [HttpPost("users/{id:guid}/active")]
    [RequirePermission(KernelPermissions.Users)]
    [PostOnce]
    public async Task<IActionResult> SetUserActive(Guid id, bool active, CancellationToken cancellationToken) =>
        await UserDone(await users.SetActiveAsync(id, active, cancellationToken), ActiveForm(id), active ? "Reactivated {0}." : "Deactivated {0}.", cancellationToken);

    [HttpPost("users/{id:guid}/unlock")]
    [RequirePermission(KernelPermissions.Users)]
    [PostOnce]
    public async Task<IActionResult> UnlockUser(Guid id, CancellationToken cancellationToken) =>
        await UserDone(await users.UnlockAsync(id, cancellationToken), UnlockForm(id), "Unlocked {0}.", cancellationToken);

    [HttpPost("users/{id:guid}/password")]
    [RequirePermission(KernelPermissions.Users)]
    [PostOnce]
    public async Task<IActionResult> SetUserPassword(Guid id, string? password, CancellationToken cancellationToken) =>
        await UserDone(await users.SetPasswordAsync(id, password, cancellationToken), PasswordForm(id), "Set a new password for {0}.", cancellationToken);

    /// <summary>The forms of one user's row.</summary>
    public static string ProfileForm(Guid id) => "profile-" + id;

    public static string ActiveForm(Guid id) => "active-" + id;

    public static string PasswordForm(Guid id) => "password-" + id;

    public static string UnlockForm(Guid id) => "unlock-" + id;

    private Task<IActionResult> UserDone(Result<UserDto> result, string formId, string notice, CancellationToken cancellationToken) =>
        AnswerAsync(result, formId, () => Users(cancellationToken), user => Done("/admin/users", notice, user.UserName));

    private async Task<UsersPage> UsersPageAsync(CancellationToken cancellationToken) =>
        new(await users.ListAsync(cancellationToken),
            await roles.ListAsync(cancellationToken),
            await units.TreeAsync(cancellationToken),
            currentUser.Id);
}
