using CivicDesk.Core.Identity.IssueApiKey;
using CivicDesk.Core.Identity.ListApiKeys;
using CivicDesk.Core.Identity.RevokeApiKey;
using CivicDesk.Core.Identity.VerifyApiKey;
using Microsoft.Extensions.DependencyInjection;

namespace CivicDesk.Core.Identity;

public static class ApiKeysServiceCollectionExtensions
{
    /// <summary>Registers the use cases that issue, verify, list and revoke partners' API keys.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyCache>();
        services.AddScoped<IssueApiKeyHandler>();
        services.AddScoped<VerifyApiKeyHandler>();
        services.AddScoped<RevokeApiKeyHandler>();
        services.AddScoped<ListApiKeysHandler>();
        return services;
    }
}
