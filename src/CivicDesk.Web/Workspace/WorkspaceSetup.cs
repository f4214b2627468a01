using System.Globalization;
using System.Threading.RateLimiting;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.EndSessions;
using CivicDesk.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CivicDesk.Web.Workspace;

/// <summary>
/// Registration of the staff workspace: sign-in limits, identity options, and its non-page endpoints.
/// </summary>
public static class WorkspaceSetup
{
    public const string SignInLimiter = "staff-sign-in";

    public static IServiceCollection AddWorkspace(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SignInLimitOptions>().Bind(configuration.GetSection(SignInLimitOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(new StartupConsole(Console.Out));
        services.AddScoped<StaffText>();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(SignInLimiter, SignInPartition);
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>The page every workspace 404 shows, in the workspace layout and the reader's language.</summary>
    public const string NotFoundPath = "/staff/not-found";

    /// <summary>
    /// Answers a GET under <c>/staff</c> that found nothing (no such page, a malformed id, a missing case or
    /// one outside the caller's scope) with the workspace's not-found page, status still 404. Users who are
    /// not signed in are sent to sign in first, as for any workspace address. Other requests keep the generic
    /// status-code pages registered before this.
    /// </summary>
    // The re-executing status-code pages must sit in the main pipeline, not a UseWhen branch: a branch has no
    // global route builder, and the re-executed request would find no endpoint. So they are registered for
    // every request and switched off for those that are not workspace reads.
    public static IApplicationBuilder UseWorkspaceNotFound(this IApplicationBuilder app)
    {
        app.UseStatusCodePagesWithReExecute(NotFoundPath, createScopeForStatusCodePages: true);
        return app.Use((context, next) =>
        {
            bool workspaceRead = HttpMethods.IsGet(context.Request.Method)
                && context.Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase);
            if (!workspaceRead && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });
    }

    public static IEndpointRouteBuilder MapWorkspace(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/staff/sign-out", SignOutAsync)
            .RequireAuthorization(StaffPolicies.Account)
            .ExcludeFromDescription();
        endpoints.MapGet("/staff/cases/{caseId:guid}/photos/{photoId:guid}", CasePhotos.GetAsync)
            .RequireAuthorization(StaffPolicies.Staff)
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// Only POSTs count, of the sign-in and change-password pages together (both check a password); each
    /// client address has its own fixed window.
    /// </summary>
    // Limitation: the windows live in this process's memory, so each web node counts on its own, and behind
    // a reverse proxy every client shares the proxy's address until forwarded headers are configured. A
    // limiter stored in the database or Redis, and ForwardedHeaders options, would lift this.
    private static RateLimitPartition<string> SignInPartition(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        SignInLimitOptions options = context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value;
        string address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.PermitLimit,
            Window = TimeSpan.FromSeconds(options.WindowSeconds),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        HttpResponse response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        int seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : 60;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(
            $"Too many password attempts from this address. Try again in {seconds} seconds.",
            cancellationToken);
    }

    /// <summary>Signing out ends every session of the user, on every device, not only this browser's.</summary>
    private static async Task<IResult> SignOutAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        EndSessionsHandler sessions)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        if (StaffClaims.UserId(context.User) is Guid userId)
        {
            await sessions.HandleAsync(
                userId, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
        }

        await context.SignOutAsync(StaffPolicies.Scheme);
        return TypedResults.LocalRedirect("/staff/sign-in?signed_out=1");
    }
}
