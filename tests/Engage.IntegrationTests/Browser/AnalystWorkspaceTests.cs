using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Engage.IntegrationTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Engage.IntegrationTests.BrowserJourneys;

/// <summary>
/// An analyst used to NVivo works in Chromium: codes words by selecting them, codes by keyboard alone, codes a
/// filtered set in bulk and takes it back, finishes a double-coding sample in one action, and reads each
/// picture's table. axe-core checks every page on the way.
/// </summary>
[Trait("Category", "Browser")]
public sealed class when_an_analyst_works_in_the_coding_workspace(EngageInChromium engage, ITestOutputHelper output)
    : IClassFixture<EngageInChromium>
{
    private readonly AccessibilityAudit audit = new("analyst-workspace", output);

    private static readonly string[] Texts =
    [
        "We need protected learning time written into the rota every week",
        "Career progression for advanced practitioners is unclear after year two",
        "Supervision is the first thing cut when the rota is short",
        "A national framework would make the role portable between trusts",
        "My manager supports my portfolio but there is no time in the rota",
        "Pay bands do not reflect the responsibility we carry"
    ];

    [Fact]
    public async Task they_code_by_selection_by_keyboard_alone_and_in_bulk_with_undo()
    {
        var (email, api) = await Analyst("Ada Analyst");
        var corpusId = await Corpus(api, "Workspace corpus", Texts.Select((t, i) => (t, i % 2 == 0 ? "Nurse" : "Paramedic")).ToList());
        var workforce = await Code(api, corpusId, "Workforce");
        await Code(api, corpusId, "Career progression", workforce);
        await Code(api, corpusId, "Protected time");

        var page = await engage.SignedIn(email);
        await page.GotoAsync($"/analysis/{corpusId}/code");
        await Expect(page.Locator("#items-count")).ToHaveTextAsync("Items 1 to 6 of 6");
        // Nothing is chosen for the analyst: every code box starts empty.
        Assert.All(await page.Locator("input.coding-apply__code").AllAsync(), async box => Assert.Equal("", await box.InputValueAsync()));
        await audit.Check(page, "coding-list");
        // A marker on the window tells whether the page was reloaded.
        await page.EvaluateAsync("() => window.stillThisPage = true");

        // By selection: the words "protected learning time" in the first item, selected as a mouse would.
        var first = page.Locator(".coding-item").Filter(new() { HasText = "protected learning time" });
        var firstId = await first.GetAttributeAsync("data-item");
        await page.EvaluateAsync("""
            id => {
                const p = document.getElementById('text-' + id);
                const node = p.firstChild;
                const at = node.nodeValue.indexOf('protected learning time');
                const range = document.createRange();
                range.setStart(node, at); range.setEnd(node, at + 'protected learning time'.length);
                const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
                p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
            }
            """, firstId);
        await Expect(page.Locator($"#selection-{firstId}")).ToContainTextAsync("Coding the selected words");
        await page.Locator($"#code-{firstId}").FillAsync("protec");
        await page.Locator($"#code-{firstId}").PressAsync("Enter");
        var firstAgain = page.Locator($"#item-{firstId}");
        await Expect(firstAgain.Locator(".coding-chip")).ToContainTextAsync("Protected time on the passage “protected learning time” by Ada Analyst");
        await Expect(firstAgain.Locator("mark.coding-mark")).ToHaveTextAsync("protected learning time");
        await Expect(firstAgain.Locator("mark.coding-mark")).ToHaveAttributeAsync("title", "Protected time by Ada Analyst");
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillThisPage === true"), "Applying a code reloaded the whole page.");
        var stored = await Codings(api, corpusId, Guid.Parse(firstId!));
        var span = Assert.Single(stored);
        Assert.Equal(Texts[0].IndexOf("protected learning time", StringComparison.Ordinal), span.GetProperty("start").GetInt32());
        Assert.Equal(Texts[0].IndexOf("protected learning time", StringComparison.Ordinal) + "protected learning time".Length, span.GetProperty("end").GetInt32());

        // The item just coded keeps the focus, so the analyst's place is not lost.
        await Expect(firstAgain).ToBeFocusedAsync();

        // By keyboard alone, on the page opened afresh: j to the first item, j to the next, c opens its code box.
        await page.GotoAsync($"/analysis/{corpusId}/code");
        await page.Keyboard.PressAsync("j");
        await Expect(page.Locator(".coding-item").Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("j");
        var second = page.Locator(".coding-item").Nth(1);
        await Expect(second).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("c");
        var secondId = await second.GetAttributeAsync("data-item");
        await Expect(page.Locator($"#code-{secondId}")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("career");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($"#item-{secondId} .coding-chip")).ToContainTextAsync("Career progression on the whole item by Ada Analyst");
        await Expect(page.Locator($"#item-{secondId}")).ToBeFocusedAsync();
        // A part of a name two codes share is refused in place, naming both.
        // Each key waits for the focus it moves, so a key pressed while htmx settles the last item is not lost.
        await page.Keyboard.PressAsync("j");
        var third = page.Locator(".coding-item").Nth(2);
        await Expect(third).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("c");
        await Expect(page.Locator($"#code-{await third.GetAttributeAsync("data-item")}")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("o");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".coding-item").Nth(2).Locator(".nhsuk-error-message")).ToContainTextAsync("matches 3 codes");
        await audit.Check(page, "coded-in-place");

        // Bulk: every item mentioning the rota, in one action, then undone.
        await page.GetByLabel("Text contains").FillAsync("rota");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show items" }).ClickAsync();
        await Expect(page.Locator("#items-count")).ToHaveTextAsync("Items 1 to 3 of 3");
        await page.GetByLabel(new Regex("^Apply a code to all 3 items")).FillAsync("Protected time");
        await page.GetByRole(AriaRole.Button, new() { Name = "Code all 3 items" }).ClickAsync();
        // The first item already had the code on a passage only, so all three get it whole.
        await Expect(page.GetByText("The code is applied to 3 items.")).ToBeVisibleAsync();
        Assert.Equal(3, (await AllCodings(api, corpusId)).Count(c => c.GetProperty("code").GetString() == "Protected time" && c.GetProperty("start").ValueKind == JsonValueKind.Null));
        await audit.Check(page, "bulk-coded");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo the bulk coding" }).ClickAsync();
        await Expect(page.GetByText("The bulk coding is undone")).ToBeVisibleAsync();
        var left = await AllCodings(api, corpusId);
        Assert.Equal(2, left.Count);
        Assert.Contains(left, c => c.GetProperty("code").GetString() == "Protected time" && c.GetProperty("start").ValueKind == JsonValueKind.Number);

        // Without JavaScript the same form still codes: the server finds the typed words.
        var plain = await engage.SignedIn(email);
        await plain.Context.RouteAsync("**/analysis/assets/coding.js", route => route.AbortAsync());
        await plain.Context.RouteAsync("**/assets/htmx/**", route => route.AbortAsync());
        await plain.GotoAsync($"/analysis/{corpusId}/code");
        var fourth = plain.Locator(".coding-item").Filter(new() { HasText = "national framework" });
        var fourthId = await fourth.GetAttributeAsync("data-item");
        await plain.Locator($"#code-{fourthId}").FillAsync("Workforce");
        await plain.Locator($"#passage-{fourthId}").FillAsync("national framework");
        await plain.Locator($"#item-{fourthId}").GetByRole(AriaRole.Button, new() { NameRegex = new("^Apply") }).ClickAsync();
        await Expect(plain.GetByText("The code is applied to the passage.")).ToBeVisibleAsync();
        await Expect(plain.Locator($"#item-{fourthId} mark.coding-mark")).ToHaveTextAsync("national framework");

        Assert.Empty(audit.Violations);
    }

    [Fact]
    public async Task they_finish_a_double_coding_sample_in_one_action_and_read_every_picture()
    {
        var (email, api) = await Analyst("Bea Coder");
        var (secondEmail, _) = await Analyst("Cal Coder");
        var rows = Enumerable.Range(0, 40).Select(i => ($"{Texts[i % Texts.Length]} ({i})", i < 20 ? "Nurse" : "Paramedic")).ToList();
        var corpusId = await Corpus(api, "Sample corpus", rows);
        var time = await Code(api, corpusId, "Protected time");
        var pay = await Code(api, corpusId, "Pay");
        var items = (await (await api.GetAsync($"/api/analysis/corpora/{corpusId}/items?page=1")).Read<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        // Every nurse raises protected time, half the paramedics do: the heatmap marks the theme as depending on profession.
        foreach (var item in items)
        {
            var n = int.Parse(Regex.Match(item.GetProperty("text").GetString()!, @"\((\d+)\)$").Groups[1].Value);
            if (n < 20 || n % 2 == 0) await Apply(api, corpusId, item.GetProperty("id").GetGuid(), time);
            if (n % 4 == 1) await Apply(api, corpusId, item.GetProperty("id").GetGuid(), pay);
        }

        var coders = await Ids(email, secondEmail);
        var drawn = await (await api.PostAsJsonAsync($"/api/analysis/corpora/{corpusId}/samples", new { size = 4, coderIds = coders, seed = 3 })).Read<JsonElement>();
        var sampleId = drawn.GetProperty("id").GetGuid();
        var sample = await (await api.GetAsync($"/api/analysis/corpora/{corpusId}/samples/{sampleId}")).Read<JsonElement>();
        var coded = sample.GetProperty("doneByCoder").GetProperty(coders[0].ToString()).GetInt32();

        var page = await engage.SignedIn(email);
        await page.GotoAsync($"/analysis/{corpusId}/reliability?sample={sampleId}");
        // What Bea coded before the sample was drawn already counts: nobody presses Done on coded items.
        await Expect(page.Locator($"#progress-{sampleId}-{coders[0]}")).ToHaveTextAsync($"Bea Coder: {coded} of 4 coded");
        await Expect(page.Locator($"#progress-{sampleId}-{coders[1]}")).ToHaveTextAsync("Cal Coder: 0 of 4 coded");
        await Expect(page.Locator("#sample-missing")).ToContainTextAsync("Cal Coder: 4 items");
        await audit.Check(page, "sample-progress");
        if (coded < 4)
        {
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^I have finished") }).ClickAsync();
            await Expect(page.GetByText("You have finished the sample")).ToBeVisibleAsync();
        }
        await Expect(page.Locator($"#progress-{sampleId}-{coders[0]}")).ToHaveTextAsync("Bea Coder: 4 of 4 coded");
        await Expect(page.Locator("#sample-missing")).Not.ToContainTextAsync("Bea Coder");

        // Pictures: each SVG is reached by keyboard and its numbers are in the table beside it.
        await page.GotoAsync($"/analysis/{corpusId}/pictures?by=profession");
        await Expect(page.Locator("#theme-attribute-map")).ToHaveAttributeAsync("tabindex", "0");
        await page.Locator("#theme-attribute-map").FocusAsync();
        await Expect(page.Locator("#theme-attribute-map")).ToBeFocusedAsync();
        var protectedRow = page.Locator("#theme-attribute-table tr").Filter(new() { HasText = "Protected time" });
        await Expect(protectedRow).ToContainTextAsync("Protected time *");
        await Expect(protectedRow).ToContainTextAsync("20 of 20 (100%)");
        await Expect(protectedRow).ToContainTextAsync("10 of 20 (50%)");
        await Expect(page.Locator("#co-occurrence-table")).ToContainTextAsync("Pay");
        var coRow = page.Locator("#co-occurrence-table tbody tr").Filter(new() { HasText = "Protected time" });
        await Expect(coRow.Locator("td").Nth(0)).ToHaveTextAsync("30");
        // Five items have both codes: fewer than the minimum group size of 10, so the number is not shown.
        await Expect(coRow.Locator("td").Nth(1)).ToHaveTextAsync("fewer than 10");
        await Expect(page.Locator("#prevalence-table")).ToContainTextAsync("40");
        // The co-occurrence picture fits the page: nothing runs off to the right.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "The pictures page scrolls sideways.");
        await audit.Check(page, "pictures");
        await page.GotoAsync($"/analysis/{corpusId}/findings");
        await Expect(page.Locator("#co-occurrence-map")).ToBeVisibleAsync();
        await audit.Check(page);

        // The opinion map, from a conversation of two camps.
        var groupsCorpus = await TwoCamps(api);
        await page.GotoAsync($"/analysis/{groupsCorpus}/groups");
        await Expect(page.Locator("#opinion-map")).ToBeVisibleAsync();
        await page.Locator("#opinion-map").FocusAsync();
        await Expect(page.Locator("#opinion-map")).ToBeFocusedAsync();
        await Expect(page.Locator("#map-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#map-table tbody tr").Nth(0)).ToContainTextAsync("12");
        await page.GetByLabel("Place a statement on the map").SelectOptionAsync(new SelectOptionValue { Label = "Statement number 10" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Place it" }).ClickAsync();
        await Expect(page.Locator("#map-table")).ToContainTextAsync("The statement “Statement number 10”");
        await Expect(page.Locator("#map-table")).ToContainTextAsync("24 agreed");
        await audit.Check(page, "opinion-map");

        // The codebook in the analysts' order: Pay moved above Protected time.
        await page.GotoAsync($"/analysis/{corpusId}/codebook");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move up Pay" }).ClickAsync();
        await Expect(page.Locator("tbody th").First).ToContainTextAsync("Pay");
        await audit.Check(page);

        Assert.Empty(audit.Violations);
    }

    private async Task<(string Email, HttpClient Api)> Analyst(string name)
    {
        var email = await engage.StaffAccount(name, "Analyst");
        using var anonymous = engage.Host.Client();
        var token = (await (await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password = engage.StaffPassword })).Read<JsonElement>())
            .GetProperty("accessToken").GetString()!;
        return (email, engage.Host.Client(token));
    }

    private async Task<Guid[]> Ids(params string[] emails)
    {
        using var admin = await Admin();
        var accounts = await (await admin.GetAsync("/api/admin/accounts")).Read<JsonElement[]>();
        return emails.Select(e => accounts.Single(a => a.GetProperty("email").GetString() == e).GetProperty("id").GetGuid()).ToArray();
    }

    private async Task<HttpClient> Admin()
    {
        using var anonymous = engage.Host.Client();
        var token = (await (await anonymous.PostAsJsonAsync("/api/auth/token", new { email = EngageHost.AdminEmail, password = EngageHost.AdminPassword }))
            .Read<JsonElement>()).GetProperty("accessToken").GetString()!;
        return engage.Host.Client(token);
    }

    private static async Task<Guid> Corpus(HttpClient api, string name, IReadOnlyList<(string Text, string Profession)> rows)
    {
        var csv = new StringBuilder("id,text,profession\n");
        for (var i = 0; i < rows.Count; i++) csv.Append($"R{i + 1},\"{rows[i].Text}\",{rows[i].Profession}\n");
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "items.csv" },
            { new StringContent(name), "name" }
        };
        var created = await api.PostAsync("/api/analysis/corpora", form);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Read<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> Code(HttpClient api, Guid corpusId, string name, Guid? parent = null)
    {
        var added = await api.PostAsJsonAsync($"/api/analysis/corpora/{corpusId}/codebook/codes", new { name, parentId = parent });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return (await added.Read<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task Apply(HttpClient api, Guid corpusId, Guid itemId, Guid codeId) =>
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/analysis/corpora/{corpusId}/items/{itemId}/codings", new { codeId })).StatusCode);

    private static async Task<List<JsonElement>> Codings(HttpClient api, Guid corpusId, Guid itemId) =>
        (await (await api.GetAsync($"/api/analysis/corpora/{corpusId}/items?itemId={itemId}")).Read<JsonElement>())
            .GetProperty("items")[0].GetProperty("codings").EnumerateArray().ToList();

    private static async Task<List<JsonElement>> AllCodings(HttpClient api, Guid corpusId) =>
        (await (await api.GetAsync($"/api/analysis/corpora/{corpusId}/items")).Read<JsonElement>())
            .GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("codings").EnumerateArray()).ToList();

    /// <summary>A Polis export where voters 1-12 and 21-32 (groups at the minimum size of 10 or more) vote opposite ways on ten statements and all agree on the eleventh.</summary>
    private async Task<Guid> TwoCamps(HttpClient analyst)
    {
        var comments = new StringBuilder("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n");
        for (var c = 0; c <= 10; c++) comments.Append($"{1500000000000 + c},x,{c},1,0,0,1,Statement number {c}\n");
        var votes = new StringBuilder("timestamp,datetime,comment-id,voter-id,vote\n");
        var t = 1500000100000;
        foreach (var voter in Enumerable.Range(1, 12).Concat(Enumerable.Range(21, 12)))
            for (var c = 0; c <= 10; c++)
                votes.Append($"{t++},x,{c},{voter},{(c == 10 ? 1 : (c < 5) == (voter < 20) ? 1 : -1)}\n");
        using var admin = await Admin();
        var form = new MultipartFormDataContent { { new StringContent(comments.ToString()), "comments", "comments.csv" }, { new StringContent(votes.ToString()), "votes", "votes.csv" } };
        var imported = await (await admin.PostAsync("/api/workshops/imports/polis", form)).Read<JsonElement>();
        var workshopId = imported.GetProperty("workshopId").GetGuid();
        // Analysis hears of the workshop through its queues; the corpus and its votes arrive shortly after.
        return (Guid)await EngageInChromium.Eventually<object>(async () =>
        {
            var corpora = await (await analyst.GetAsync($"/api/analysis/corpora?workshopId={workshopId}")).Read<JsonElement[]>();
            if (corpora.Length == 0) return null;
            var id = corpora[0].GetProperty("id").GetGuid();
            var groups = await (await analyst.GetAsync($"/api/analysis/corpora/{id}/opinion-groups")).Read<JsonElement>();
            return groups.GetProperty("groups").GetArrayLength() == 2 ? (object)id : null;
        }, "opinion groups of the imported conversation");
    }
}
