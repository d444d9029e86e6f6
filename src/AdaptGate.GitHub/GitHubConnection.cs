using System.Reflection;
using Octokit;
using Octokit.Internal;

namespace AdaptGate.GitHub;

/// <summary>Builds the Octokit client: the exact base address, the token, and the retrying handler under it.</summary>
internal static class GitHubConnection
{
    public static GitHubClient Create(GitHubConnectionOptions options)
    {
        // GitHubClient(header, uri) appends /api/v3/ to any host but github.com; GITHUB_API_URL
        // already is the API's address, so the Connection gets it as it is. Only a trailing slash
        // is added: without it, relative paths would replace the last segment ("/api/v3" + "repos").
        var address = options.ApiBaseAddress.AbsoluteUri.EndsWith('/') ? options.ApiBaseAddress : new Uri(options.ApiBaseAddress.AbsoluteUri + "/");
        var token = GitHubToken.Require(options.Token, "The token");
        var credentials = options.UseBearerScheme
            ? new Credentials(token, AuthenticationType.Bearer)
            : new Credentials(token);
        var connection = new Connection(
            new ProductHeaderValue("adaptgate", Version()),
            address,
            new InMemoryCredentialStore(credentials),
            new HttpClientAdapter(() => new ResilientHandler(options.Retry, new SocketsHttpHandler())),
            new SimpleJsonSerializer());

        // HttpClient's own 100 s limit would cut the retries short; the handler bounds them instead.
        connection.SetRequestTimeout(options.Retry.TotalTimeout + TimeSpan.FromSeconds(10));
        return new GitHubClient(connection);
    }

    private static string Version() =>
        typeof(GitHubConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
