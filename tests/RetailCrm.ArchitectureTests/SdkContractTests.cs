using System.Reflection;
using System.Reflection.Emit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.Modularity;

namespace RetailCrm.ArchitectureTests;

/// <summary>
/// The Sdk holds contracts only: interfaces, records, attributes as metadata, the manifest model and the base types a
/// module derives from. Audit, outbox, the tenant guard and idempotency are the Kernel's, which attaches them to every
/// module; a fix to them is a Kernel change, never an Sdk release.
/// </summary>
public sealed class SdkContractTests
{
    private static readonly Assembly s_sdk = typeof(CrmModule).Assembly;

    private static readonly Type[] s_behaviour =
    [
        typeof(IInterceptor), typeof(IFilterMetadata), typeof(IMiddleware),
    ];

    /// <summary>What writes data or answers a request by itself; the Sdk's code calls none of it.</summary>
    private static readonly Type[] s_forbiddenCallees =
    [
        typeof(DbContext), typeof(DbSet<>), typeof(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker),
        typeof(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade), typeof(RelationalDatabaseFacadeExtensions),
        typeof(EntityFrameworkQueryableExtensions), typeof(RelationalQueryableExtensions), typeof(HttpResponse),
    ];

    [Fact]
    public void Should_hold_no_interceptor_filter_or_middleware()
    {
        // A page controller derives from MVC's Controller, which is a filter of its own actions only.
        var behaviour = AllTypes().Where(type => !type.IsSubclassOf(typeof(Controller)) && s_behaviour.Any(b => b.IsAssignableFrom(type))).Select(t => t.FullName).ToList();

        behaviour.ShouldBeEmpty("an EF Core interceptor, MVC filter or middleware is the Kernel's; the Sdk's attributes are metadata the Kernel's global filters read");
    }

    [Fact]
    public void Should_have_a_module_dbcontext_base_that_only_declares()
    {
        var declared = typeof(CrmDbContext).GetMembers(BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(m => m.Name).Order(StringComparer.Ordinal).ToList();

        declared.ShouldBe([".ctor", "ConfigureModel", "OnModelCreating"], "saving, auditing and the outbox are attached by the Kernel (CrmSaveChangesInterceptor)");
    }

    [Fact]
    public void Should_name_no_outbox_audit_entry_or_idempotency_store()
    {
        var infrastructure = AllTypes()
            .Where(type => new[] { "Outbox", "AuditEntry", "AuditRecorder", "IdempotencyStore", "Interceptor" }.Any(word => type.Name.Contains(word, StringComparison.Ordinal)))
            .Select(t => t.FullName).ToList();

        infrastructure.ShouldBeEmpty("the outbox and audit schema and the idempotency store are declared once, in the Kernel");
    }

    [Fact]
    public void Should_neither_save_nor_query_nor_write_responses()
    {
        var calls = AllTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Cast<MethodBase>()
                .Concat(type.GetConstructors(BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)))
            .SelectMany(method => Callees(method).Where(IsForbidden).Select(callee => $"{method.DeclaringType?.FullName}.{method.Name} calls {callee.DeclaringType?.Name}.{callee.Name}"))
            .Distinct()
            .ToList();

        calls.ShouldBeEmpty();
    }

    [Fact]
    public void Should_see_forbidden_calls_where_there_are_some()
    {
        // The IL reader must find what it looks for, or the test above could not fail.
        var kernel = typeof(RetailCrm.Kernel.Data.RegisteredDbContext).Assembly;
        var interceptor = kernel.GetTypes().Single(t => t.Name == "CrmSaveChangesInterceptor");

        interceptor.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .SelectMany(Callees).ShouldContain(callee => IsForbidden(callee));
    }

    private static Type[] AllTypes() => s_sdk.GetTypes();

    private static bool IsForbidden(MethodBase callee)
    {
        var type = callee.DeclaringType;
        if (type is null || (callee.IsConstructor && type == typeof(DbContext)) || type == typeof(CrmDbContext))
        {
            return false;
        }

        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return s_forbiddenCallees.Any(forbidden => forbidden == definition || (forbidden == typeof(DbContext) && definition.IsSubclassOf(typeof(DbContext))));
    }

    private static readonly Dictionary<short, OpCode> s_opCodes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The methods a method body calls (call, callvirt, newobj, ldftn), read from its IL.</summary>
    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var opCode = s_opCodes[value];
            var operand = OperandSize(opCode, il, position);
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, position);
                MethodBase? callee = null;
                try
                {
                    callee = method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
                }
                catch (ArgumentException)
                {
                }

                if (callee is not null)
                {
                    yield return callee;
                }
            }

            position += operand;
        }
    }

    private static int OperandSize(OpCode opCode, byte[] il, int position) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}
