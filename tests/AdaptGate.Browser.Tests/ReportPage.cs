using PuppeteerSharp;

namespace AdaptGate.Browser.Tests;

/// <summary>
/// A report file opened in a new tab with the network cut: every request but the file itself is aborted and
/// recorded, as are console errors, page errors, failed requests and dialogs (an alert() would be injected script).
/// </summary>
internal sealed class ReportPage : IAsyncDisposable
{
    private ReportPage(IPage page) => Page = page;

    public IPage Page { get; }

    public List<string> ConsoleErrors { get; } = [];

    public List<string> BlockedRequests { get; } = [];

    public List<string> FailedRequests { get; } = [];

    public List<string> Dialogs { get; } = [];

    public static async Task<ReportPage> OpenAsync(IBrowser browser, string file, bool dark = false)
    {
        var page = new ReportPage(await browser.NewPageAsync());
        await page.StartAsync(new Uri(file).AbsoluteUri, dark);
        return page;
    }

    public ValueTask DisposeAsync() => Page.DisposeAsync();

    private async Task StartAsync(string url, bool dark)
    {
        Page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                ConsoleErrors.Add(e.Message.Text);
            }
        };
        Page.PageError += (_, e) => ConsoleErrors.Add("page error: " + e.Message);
        Page.RequestFailed += (_, e) => FailedRequests.Add(e.Request.Url);
        Page.Dialog += async (_, e) =>
        {
            Dialogs.Add(e.Dialog.Message);
            await e.Dialog.Dismiss();
        };
        await Page.SetRequestInterceptionAsync(true);
        Page.Request += async (_, e) =>
        {
            if (e.Request.Url == url)
            {
                await e.Request.ContinueAsync();
                return;
            }

            BlockedRequests.Add(e.Request.Url);
            await e.Request.AbortAsync();
        };
        await Page.SetViewportAsync(new ViewPortOptions { Width = 1200, Height = 900 });
        await Page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = dark ? "dark" : "light" }]);
        await Page.GoToAsync(url, WaitUntilNavigation.Load);
    }
}
