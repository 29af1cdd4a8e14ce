using System.ComponentModel;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Engage.Analysis.Exchange;
using Engage.Platform.Web;

namespace Engage.UnitTests.Exchange;

/// <summary>The REFI-QDA spec folder kept beside the repository, and small archives built in code.</summary>
internal static class Refi
{
    /// <summary>
    /// Beside the repository (../shared) in a working copy; a checkout elsewhere (a CI clone in /tmp) finds it
    /// through ENGAGE_SHARED or at the project's usual place. The path tried first is reported when none exists.
    /// </summary>
    public static readonly string Spec = new[]
        {
            Environment.GetEnvironmentVariable("ENGAGE_SHARED") is { Length: > 0 } shared ? Path.Combine(shared, "spec", "refi-qda") : null,
            Path.GetFullPath(Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory), "..", "shared", "spec", "refi-qda")),
            "/work/shared/spec/refi-qda"
        }.OfType<string>().Where(Directory.Exists).DefaultIfEmpty(
            Path.GetFullPath(Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory), "..", "shared", "spec", "refi-qda"))).First();

    public static string Example(string file) => File.ReadAllText(Path.Combine(Spec, "examples", file));

    public static readonly XNamespace P = QdpxFormat.Namespace;

    public static Guid Id(int n) => new($"00000000-0000-4000-8000-{n:D12}");

    public static MemoryStream Zip(params (string Name, byte[] Content)[] entries)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
        zip.Position = 0;
        return zip;
    }

    public static MemoryStream Qdpx(string qde, params (string Name, string Text)[] sources) =>
        Zip([("project.qde", Encoding.UTF8.GetBytes(qde)), .. sources.Select(s => (s.Name, Encoding.UTF8.GetBytes(s.Text)))]);

    public static string Refused(string qde, ExchangeLimits? limits = null, params (string Name, string Text)[] sources) =>
        Assert.Throws<ExchangeInputException>(() => QdpxFormat.Read(Qdpx(qde, sources), limits)).Message;

    public static string Entry(MemoryStream qdpx, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(qdpx.ToArray()), ZipArchiveMode.Read);
        using var reader = new StreamReader(archive.GetEntry(name)?.Open() ?? throw new Xunit.Sdk.XunitException($"no entry {name}"));
        return reader.ReadToEnd();
    }

    /// <summary>Validates with libxml2's xmllint, an implementation independent of .NET's.</summary>
    public static void AssertValid(string xml, string schema)
    {
        var file = Path.Combine(Path.GetTempPath(), $"engage-refi-{Guid.NewGuid():N}.xml");
        File.WriteAllText(file, xml);
        try
        {
            var start = new ProcessStartInfo("xmllint", ["--noout", "--schema", Path.Combine(Spec, schema), file])
            { RedirectStandardError = true, RedirectStandardOutput = true };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (Win32Exception)
            {
                throw new Xunit.Sdk.XunitException(
                    "xmllint is not installed, so the REFI-QDA schemas cannot be checked. Install libxml2-utils (./test.sh does).");
            }
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"xmllint rejected the file against {schema}:\n{errors}");
            Assert.Contains("validates", errors);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>A small analysis with everything the exchange must carry, including text outside the BMP.</summary>
internal static class Analysis
{
    public static readonly Guid CoderA = Refi.Id(1), CoderB = Refi.Id(2);
    public static readonly Guid Transport = Refi.Id(10), Cycling = Refi.Id(11), Fares = Refi.Id(12);
    public static readonly Guid Response17 = Refi.Id(20), Response18 = Refi.Id(21);

    public const string EmojiText = "Bus fares 🚌 are too high 👎🏽 for families.\r\nPlease cap them.";
    public const string PlainText = "Please add a protected cycle lane on Mill Road.";

    static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 30, 0, TimeSpan.Zero);

    public static QdaCoding Span(int id, Guid code, Guid coder, string text, string quote) =>
        new(Refi.Id(id), code, coder, Monday.AddMinutes(id), text.IndexOf(quote, StringComparison.Ordinal),
            text.IndexOf(quote, StringComparison.Ordinal) + quote.Length);

    public static QdaProject Project() => new(
        "Mill Road consultation", new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(1)),
        [new(CoderA, "Ana"), new(CoderB, "Ben")],
        [
            new(Transport, "Transport", false, "#46AA00", "Anything about getting around", [
                new(Cycling, "Cycling safety", true, null,
                    CodeDescription.Compose("Danger to people cycling", "lanes, junctions", "leisure rides", "\"protected cycle lane\""), []),
                new(Fares, "Fares", true, "#0A0B0C", null, []),
            ]),
        ],
        [
            new(Response17, "Response 17 (Q3)", PlainText, new Dictionary<string, string> { ["Age band"] = "25-39", ["Ward"] = "Petersfield" },
            [
                Span(30, Cycling, CoderA, PlainText, "protected cycle lane"),
                new(Refi.Id(31), Cycling, CoderB, Monday, null, null),
            ]),
            new(Response18, "Response 18 (Q3)", EmojiText, new Dictionary<string, string> { ["Age band"] = "40-59" },
            [
                Span(32, Fares, CoderA, EmojiText, "are too high"),
                Span(33, Fares, CoderB, EmojiText, "for families"),
                Span(34, Fares, CoderB, EmojiText, "👎🏽"),
            ]),
        ],
        [
            new(Refi.Id(40), "Why fares", "Several people tie fares to families.\r\nCheck the bus questions.", CoderA, Monday, Response18, null),
            new(Refi.Id(41), "Scope", "Transport includes walking.", CoderB, Monday, null, Transport),
            new(Refi.Id(42), "Project memo", "Second coder joined on Monday.", null, null, null, null),
        ]);

    public static MemoryStream Written(QdaProject project)
    {
        var qdpx = new MemoryStream();
        QdpxFormat.Write(project, qdpx);
        qdpx.Position = 0;
        return qdpx;
    }

    /// <summary>A code tree as comparable rows, since records compare child lists by reference.</summary>
    public static IEnumerable<(Guid, Guid?, string, bool, string?, string?)> Rows(IEnumerable<QdaCode> codes, Guid? parent = null) =>
        codes.SelectMany(c => Rows(c.Children, c.Id).Prepend((c.Id, parent, c.Name, c.IsCodable, c.Colour, c.Description)));
}

public class a_refi_qda_project
{
    [Fact]
    public void round_trips_codes_sources_codings_and_memos()
    {
        var original = Analysis.Project();
        var read = QdpxFormat.Read(Analysis.Written(original));

        Assert.Equal(original.Name, read.Name);
        Assert.Equal(original.CreatedAt, read.CreatedAt);
        Assert.Equal(original.Users, read.Users);
        Assert.Equal(Analysis.Rows(original.Codes), Analysis.Rows(read.Codes));
        Assert.Equal(original.Sources.Select(s => (s.Id, s.Name, s.Text)), read.Sources.Select(s => (s.Id, s.Name, s.Text)));
        for (var i = 0; i < original.Sources.Count; i++)
        {
            Assert.Equal(original.Sources[i].Attributes.OrderBy(a => a.Key), read.Sources[i].Attributes.OrderBy(a => a.Key));
            Assert.Equal(original.Sources[i].Codings.OrderBy(c => c.Id), read.Sources[i].Codings.OrderBy(c => c.Id));
        }
        Assert.Equal(original.Notes, read.Notes);
        Assert.Empty(read.Skipped);
    }

    [Fact]
    public void counts_selections_in_code_points_so_emoji_do_not_shift_spans()
    {
        var qde = XDocument.Parse(Refi.Entry(Analysis.Written(Analysis.Project()), "project.qde"));
        var source = qde.Descendants(Refi.P + "TextSource").Single(s => (string?)s.Attribute("name") == "Response 18 (Q3)");
        var runes = Analysis.EmojiText.EnumerateRunes().Select(r => r.ToString()).ToList();
        var quoted = source.Elements(Refi.P + "PlainTextSelection").Select(s =>
        {
            int start = (int)s.Attribute("startPosition")!, end = (int)s.Attribute("endPosition")!;
            return (start, end, string.Concat(runes.Skip(start).Take(end - start)));
        });

        // "Bus fares " + bus (one code point, two UTF-16 units) + " " puts "are" at code point 12, UTF-16 index 13.
        Assert.Equal([(12, 24, "are too high"), (28, 40, "for families"), (25, 27, "👎🏽")], quoted);
    }

    [Fact]
    public void validates_against_the_refi_project_schema()
    {
        Refi.AssertValid(Refi.Entry(Analysis.Written(Analysis.Project()), "project.qde"), "Project-mrt2019.xsd");
    }

    [Fact]
    public void keeps_each_text_as_a_utf8_file_named_by_its_guid_in_the_sources_folder()
    {
        var qdpx = Analysis.Written(Analysis.Project());
        var qde = XDocument.Parse(Refi.Entry(qdpx, "project.qde"));
        const string file = "00000000-0000-4000-8000-000000000021.txt";

        Assert.Equal("internal://" + file, (string?)qde.Descendants(Refi.P + "TextSource").ElementAt(1).Attribute("plainTextPath"));
        Assert.Equal(Analysis.EmojiText, Refi.Entry(qdpx, "sources/" + file));
        using var archive = new ZipArchive(qdpx, ZipArchiveMode.Read);
        var bytes = new MemoryStream();
        archive.GetEntry("sources/" + file)!.Open().CopyTo(bytes);
        Assert.Equal(Encoding.UTF8.GetBytes(Analysis.EmojiText), bytes.ToArray());
    }

    [Fact]
    public void attaches_memos_where_the_schema_allows_and_writes_attributes_as_cases()
    {
        var qde = XDocument.Parse(Refi.Entry(Analysis.Written(Analysis.Project()), "project.qde"));
        string Target(XElement? noteRef) => (string)noteRef!.Attribute("targetGUID")!;

        Assert.Equal("00000000-0000-4000-8000-000000000040",
            Target(qde.Descendants(Refi.P + "TextSource").ElementAt(1).Element(Refi.P + "NoteRef")));
        Assert.Equal("00000000-0000-4000-8000-000000000041",
            Target(qde.Descendants(Refi.P + "Code").First().Element(Refi.P + "NoteRef")));
        Assert.Equal("00000000-0000-4000-8000-000000000042", Target(qde.Root!.Element(Refi.P + "NoteRef")));
        Assert.Equal(["Age band", "Ward"], qde.Descendants(Refi.P + "Variable").Select(v => (string)v.Attribute("name")!));
        Assert.Equal(["25-39", "Petersfield", "40-59"], qde.Descendants(Refi.P + "TextValue").Select(v => v.Value));
    }

    [Fact]
    public void exports_the_same_bytes_for_the_same_analysis()
    {
        Assert.Equal(Analysis.Written(Analysis.Project()).ToArray(), Analysis.Written(Analysis.Project()).ToArray());
    }

    [Fact]
    public void refuses_to_export_a_coding_by_someone_who_is_not_a_user()
    {
        var project = Analysis.Project() with { Users = [new(Analysis.CoderA, "Ana")] };
        var error = Assert.Throws<ArgumentException>(() => QdpxFormat.Write(project, new MemoryStream()));
        Assert.Contains($"was made by user {Analysis.CoderB}, who is not among the project's users", error.Message);
    }

    [Fact]
    public void refuses_to_export_a_span_outside_its_text()
    {
        var source = Analysis.Project().Sources[0];
        var project = Analysis.Project() with
        {
            Sources = [source with { Codings = [new(Refi.Id(50), Analysis.Cycling, Analysis.CoderA, default, 40, 48)] }],
            Notes = [],
        };
        var error = Assert.Throws<ArgumentException>(() => QdpxFormat.Write(project, new MemoryStream()));
        Assert.Contains("spans [40, 48), outside the source's 47 characters", error.Message);
    }
}

public class a_refi_qda_codebook
{
    static readonly QdaCode[] Codes =
    [
        new(Refi.Id(1), "Transport", false, "#46AA00", CodeDescription.Compose("Getting around", "", "", ""), [
            new(Refi.Id(2), "Cycling <safety> & \"lanes\"", true, null, "Line one\r\nline two", [
                new(Refi.Id(3), "Junctions", true, "#112233", null, []),
            ]),
        ]),
        new(Refi.Id(4), "Housing", true, null, null, []),
    ];

    static MemoryStream Written()
    {
        var qdc = new MemoryStream();
        QdcFormat.Write(Codes, qdc);
        qdc.Position = 0;
        return qdc;
    }

    [Fact]
    public void round_trips_the_hierarchy_colours_and_descriptions()
    {
        Assert.Equal(Analysis.Rows(Codes), Analysis.Rows(QdcFormat.Read(Written())));
    }

    [Fact]
    public void validates_against_the_refi_codebook_schema()
    {
        Refi.AssertValid(new StreamReader(Written()).ReadToEnd(), "Codebook.xsd");
    }

    [Fact]
    public void reads_the_spec_example_and_ignores_its_sets()
    {
        var codes = QdcFormat.Read(new MemoryStream(Encoding.UTF8.GetBytes(Refi.Example("minimal-codebook.qdc"))));

        var transport = Assert.Single(codes);
        Assert.Equal(("Transport", true, "#46AA00", "Comments about transport"),
            (transport.Name, transport.IsCodable, transport.Colour, transport.Description));
        Assert.Equal(new Guid("1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"), transport.Id);
        Assert.Equal(["Cycling"], transport.Children.Select(c => c.Name));
    }

    [Fact]
    public void reads_short_colours_as_six_digits()
    {
        var qdc = """<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="{1ff58b12-6f6f-4b0c-8be5-bbdc91f55294}" name="A" isCodable="1" color="#a0f"/></Codes></CodeBook>""";
        var code = Assert.Single(QdcFormat.Read(new MemoryStream(Encoding.UTF8.GetBytes(qdc))));
        Assert.Equal(("#AA00FF", true), (code.Colour, code.IsCodable));
    }

    [Theory]
    [InlineData("""<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>""", "its root element is <Project> in namespace 'urn:QDA-XML:project:1.0'")]
    [InlineData("""<CodeBook><Codes/></CodeBook>""", "its root element is <CodeBook> in no namespace")]
    [InlineData("""<!DOCTYPE CodeBook [<!ENTITY a "aaaa">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>""", "contains a DTD")]
    [InlineData("""<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="not-a-guid" name="A" isCodable="true"/></Codes></CodeBook>""", "guid=\"not-a-guid\", which is not a GUID")]
    public void refuses_what_is_not_a_codebook(string qdc, string message)
    {
        var error = Assert.Throws<ExchangeInputException>(() => QdcFormat.Read(new MemoryStream(Encoding.UTF8.GetBytes(qdc))));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void refuses_codes_nested_deeper_than_the_limit()
    {
        var deep = string.Concat(Enumerable.Range(0, 5).Select(i => $"<Code guid=\"{Refi.Id(i)}\" name=\"c{i}\" isCodable=\"true\">"))
                   + string.Concat(Enumerable.Repeat("</Code>", 5));
        var qdc = $"<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>{deep}</Codes></CodeBook>";
        var error = Assert.Throws<ExchangeInputException>(() =>
            QdcFormat.Read(new MemoryStream(Encoding.UTF8.GetBytes(qdc)), new ExchangeLimits { MaxCodeDepth = 4 }));
        Assert.Contains("more than 4 levels deep", error.Message);
    }
}

public class reading_a_project_from_another_tool
{
    [Fact]
    public void reads_the_spec_example_with_its_inline_text_cases_and_codings()
    {
        var project = QdpxFormat.Read(Refi.Qdpx(Refi.Example("minimal-project.qde")));

        Assert.Equal(("Consultation demo", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)), (project.Name, project.CreatedAt));
        Assert.Equal(["Coder A", "Coder B"], project.Users.Select(u => u.Name));
        var transport = Assert.Single(project.Codes);
        Assert.Equal((false, "#46AA00"), (transport.IsCodable, transport.Colour));
        var cycling = Assert.Single(transport.Children);
        Assert.Equal("Mentions of cycle lanes, junction safety", CodeDescription.Parse(cycling.Description).Definition);

        var source = Assert.Single(project.Sources);
        Assert.Equal(("Response 17 (Q3)", Analysis.PlainText), (source.Name, source.Text));
        Assert.Equal([("Age band", "25-39")], source.Attributes.Select(a => (a.Key, a.Value)));
        var span = source.Codings[0];
        Assert.Equal("protected cycle lane", source.Text[span.Start!.Value..span.End!.Value]);
        Assert.Equal((cycling.Id, project.Users[0].Id), (span.CodeId, span.CoderId));
        var whole = source.Codings[1];
        Assert.Equal((cycling.Id, project.Users[1].Id, (int?)null, (int?)null), (whole.CodeId, whole.CoderId, whole.Start, whole.End));
        // The example dates no coding, so they take the project's date.
        Assert.Equal(project.CreatedAt, whole.CreatedAt);
    }

    [Fact]
    public void reads_text_from_the_sources_folder_whatever_the_case_of_its_name_and_without_a_byte_order_mark()
    {
        var qde = WithTextFile(Refi.Example("minimal-project.qde"), "internal://3f2504e0-4f89-41d3-9a0c-0305e82c3301.txt");
        var text = "\uFEFF" + Analysis.PlainText;

        var source = Assert.Single(QdpxFormat.Read(Refi.Qdpx(qde, ("Sources/3F2504E0-4F89-41D3-9A0C-0305E82C3301.TXT", text))).Sources);
        Assert.Equal(Analysis.PlainText, source.Text);
        Assert.Equal("protected cycle lane", source.Text[source.Codings[0].Start!.Value..source.Codings[0].End!.Value]);
    }

    [Fact]
    public void leaves_out_what_engage_cannot_hold_and_says_so()
    {
        var qde = Refi.Example("minimal-project.qde")
            .Replace("</Sources>", """<PictureSource guid="12345678-0000-4000-8000-000000000001" name="Map sketch" path="internal://12345678-0000-4000-8000-000000000001.png"/></Sources>""")
            .Replace("</Project>", """<Sets><Set guid="12345678-0000-4000-8000-000000000002" name="s"/></Sets></Project>""");

        var project = QdpxFormat.Read(Refi.Qdpx(qde));
        Assert.Single(project.Sources);
        Assert.Equal(["PictureSource 'Map sketch' was left out: Engage reads text sources only.",
            "The project's sets were left out: Engage has no place for them."], project.Skipped);
    }

    [Fact]
    public void reads_memos_attached_to_sources_and_codes()
    {
        var qde = Refi.Example("minimal-project.qde")
            .Replace("""isCodable="true">""", """isCodable="true"><NoteRef targetGUID="12345678-0000-4000-8000-000000000002"/>""")
            .Replace("</TextSource>", """<NoteRef targetGUID="12345678-0000-4000-8000-000000000001"/></TextSource>""")
            .Replace("</Sources>", """
                </Sources><Notes>
                  <Note guid="12345678-0000-4000-8000-000000000001" name="On 17" creatingUser="AAAAAAAA-0000-4000-8000-000000000002" creationDateTime="2025-02-03T10:00:00+01:00"><PlainTextContent>Strong view.</PlainTextContent></Note>
                  <Note guid="12345678-0000-4000-8000-000000000002" name="On cycling"><PlainTextContent>Split later?</PlainTextContent></Note>
                  <Note guid="12345678-0000-4000-8000-000000000003" name="General"><PlainTextContent>Pilot run.</PlainTextContent></Note>
                </Notes>
                """);
        var project = QdpxFormat.Read(Refi.Qdpx(qde));
        Guid source = new("EEEEEEEE-0000-4000-8000-000000000001"), code = new("BBBBBBBB-0000-4000-8000-000000000002");

        Assert.Equal(
        [
            new QdaNote(new("12345678-0000-4000-8000-000000000001"), "On 17", "Strong view.", new Guid("AAAAAAAA-0000-4000-8000-000000000002"),
                new DateTimeOffset(2025, 2, 3, 9, 0, 0, TimeSpan.Zero), source, null),
            new QdaNote(new("12345678-0000-4000-8000-000000000002"), "On cycling", "Split later?", null, null, null, code),
            new QdaNote(new("12345678-0000-4000-8000-000000000003"), "General", "Pilot run.", null, null, null, null),
        ], project.Notes);
    }

    [Fact]
    public void reads_typed_variable_values_as_text_and_prefers_a_value_set_on_the_source_itself()
    {
        var qde = Refi.Example("minimal-project.qde")
            .Replace("</Variables>", """<Variable guid="CCCCCCCC-0000-4000-8000-000000000002" name="Household" typeOfVariable="Integer"/></Variables>""")
            .Replace("<SourceRef", """<VariableValue><VariableRef targetGUID="CCCCCCCC-0000-4000-8000-000000000002"/><IntegerValue> 4 </IntegerValue></VariableValue><SourceRef""")
            .Replace("</TextSource>", """<VariableValue><VariableRef targetGUID="CCCCCCCC-0000-4000-8000-000000000001"/><TextValue>18-24</TextValue></VariableValue></TextSource>""");

        var source = Assert.Single(QdpxFormat.Read(Refi.Qdpx(qde)).Sources);
        Assert.Equal([("Age band", "18-24"), ("Household", "4")], source.Attributes.OrderBy(a => a.Key).Select(a => (a.Key, a.Value)));
    }

    [Fact]
    public void reads_an_archive_from_a_stream_that_cannot_seek()
    {
        var bytes = Analysis.Written(Analysis.Project()).ToArray();
        var project = QdpxFormat.Read(new ForwardOnly(bytes));
        Assert.Equal(2, project.Sources.Count);
    }

    /// <summary>Moves the example's text out of PlainTextContent into an internal file referenced by <paramref name="path"/>.</summary>
    internal static string WithTextFile(string qde, string path) =>
        qde.Replace($"<PlainTextContent>{Analysis.PlainText}</PlainTextContent>", "")
            .Replace("""name="Response 17 (Q3)">""", $"""name="Response 17 (Q3)" plainTextPath="{path}">""");

    sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

public class a_hostile_or_malformed_upload
{
    static readonly string Example = Refi.Example("minimal-project.qde");

    [Fact]
    public void that_is_not_a_zip_is_refused()
    {
        var error = Assert.Throws<ExchangeInputException>(() => QdpxFormat.Read(new MemoryStream(Encoding.UTF8.GetBytes(Example))));
        Assert.StartsWith("The file is not a .qdpx archive (it is not a zip file).", error.Message);
    }

    [Fact]
    public void without_a_project_qde_is_refused()
    {
        var error = Assert.Throws<ExchangeInputException>(() => QdpxFormat.Read(Refi.Zip(("notes.txt", [65]), ("sources/x.txt", [65]))));
        Assert.StartsWith("The archive has no project.qde", error.Message);
    }

    [Fact]
    public void with_xml_that_is_not_well_formed_is_refused()
    {
        Assert.StartsWith("project.qde is not well-formed XML:", Refi.Refused(Example[..^20]));
    }

    [Theory]
    [InlineData("""<CodeBook xmlns="urn:QDA-XML:project:1.0"><Codes/></CodeBook>""", "its root element is <CodeBook> in namespace 'urn:QDA-XML:project:1.0'")]
    [InlineData("""<Project xmlns="urn:QDA-XML:project:2.0" name="x"/>""", "its root element is <Project> in namespace 'urn:QDA-XML:project:2.0'")]
    public void with_the_wrong_root_or_namespace_is_refused(string qde, string where)
    {
        Assert.Equal($"project.qde is not a REFI-QDA project: {where}, where <Project> in namespace 'urn:QDA-XML:project:1.0' is expected.",
            Refi.Refused(qde));
    }

    [Fact]
    public void with_an_entity_bomb_is_refused_without_expanding_it()
    {
        var laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE Project [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <Project xmlns="urn:QDA-XML:project:1.0" name="&lol9;"/>
            """;
        Assert.StartsWith("project.qde contains a DTD (<!DOCTYPE ...>). Engage refuses DTDs", Refi.Refused(laughs));
    }

    [Fact]
    public void with_an_external_entity_is_refused_without_reading_the_file()
    {
        var xxe = """<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY secret SYSTEM "file:///etc/passwd">]><Project xmlns="urn:QDA-XML:project:1.0" name="&secret;"/>""";
        Assert.StartsWith("project.qde contains a DTD", Refi.Refused(xxe));
    }

    [Fact]
    public void with_more_entries_than_the_limit_is_refused()
    {
        var error = Refi.Refused(Example, new ExchangeLimits { MaxEntries = 3 }, ("sources/a.txt", "a"), ("sources/b.txt", "b"), ("sources/c.txt", "c"));
        Assert.Equal("The archive holds 4 entries, more than the 3 Engage accepts.", error);
    }

    [Fact]
    public void that_unpacks_to_more_than_the_limit_is_refused_on_the_bytes_actually_inflated()
    {
        var noise = string.Concat(Enumerable.Range(0, 200).Select(i => Guid.NewGuid().ToString()));
        var qde = reading_a_project_from_another_tool.WithTextFile(Example, "internal://noise.txt");
        var error = Refi.Refused(qde, new ExchangeLimits { MaxUncompressedBytes = 4_000 }, ("sources/noise.txt", noise));
        Assert.StartsWith("The archive unpacks to more than 4,000 bytes, the most Engage accepts.", error);
    }

    [Fact]
    public void whose_entry_inflates_beyond_the_compression_ratio_is_refused_as_a_zip_bomb()
    {
        var padded = Example.Replace("<Users>", new string(' ', 4_000_000) + "<Users>");
        Assert.Equal("The archive entry 'project.qde' unpacks to more than 200 times its packed size, which real exports never do; " +
                     "Engage refuses it as a possible zip bomb.", Refi.Refused(padded));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("sources/../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("sources\\escape.txt")]
    [InlineData("C:/escape.txt")]
    public void with_an_entry_path_leaving_the_archive_is_refused(string name)
    {
        var error = Refi.Refused(Example, null, (name, "x"));
        Assert.Equal($"The archive holds an entry named '{name}', a path that points outside the archive " +
                     "(absolute, with '..' or with backslashes). Engage refuses such archives.", error);
    }

    [Theory]
    [InlineData("internal://../project.qde")]
    [InlineData("internal://sub/escape.txt")]
    [InlineData("internal://..\\escape.txt")]
    [InlineData("internal://")]
    public void with_a_source_path_leaving_the_sources_folder_is_refused(string path)
    {
        var error = Refi.Refused(reading_a_project_from_another_tool.WithTextFile(Example, path));
        Assert.Equal($"Source 'Response 17 (Q3)' points to '{path}', which is not a file in the archive's sources folder. " +
                     "Engage does not follow such paths.", error);
    }

    [Fact]
    public void whose_source_file_is_missing_is_refused()
    {
        var error = Refi.Refused(reading_a_project_from_another_tool.WithTextFile(Example, "internal://gone.txt"));
        Assert.Equal("Source 'Response 17 (Q3)' points to 'internal://gone.txt', but the archive has no sources/gone.txt.", error);
    }

    [Fact]
    public void whose_source_text_is_not_utf8_is_refused()
    {
        var qde = reading_a_project_from_another_tool.WithTextFile(Example, "internal://latin.txt");
        var error = Assert.Throws<ExchangeInputException>(() => QdpxFormat.Read(
            Refi.Zip(("project.qde", Encoding.UTF8.GetBytes(qde)), ("sources/latin.txt", Encoding.Latin1.GetBytes("Caf\u00e9 culture")))));
        Assert.Equal("The archive entry 'sources/latin.txt' is not UTF-8 text, as REFI-QDA requires for plain text sources.", error.Message);
    }

    [Fact]
    public void with_a_coding_of_an_unknown_code_is_refused()
    {
        var last = Example.LastIndexOf("BBBBBBBB-0000-4000-8000-000000000002", StringComparison.Ordinal);
        var qde = Example[..last] + "BBBBBBBB-0000-4000-8000-000000000009" + Example[(last + 36)..];
        Assert.Equal("Coding ffffffff-0000-4000-8000-000000000003 in source 'Response 17 (Q3)' refers to code " +
                     "bbbbbbbb-0000-4000-8000-000000000009, which is not in the codebook.", Refi.Refused(qde));
    }

    [Fact]
    public void with_a_coding_by_an_unknown_user_is_refused()
    {
        var qde = Example.Replace("""<Coding guid="FFFFFFFF-0000-4000-8000-000000000003" creatingUser="AAAAAAAA-0000-4000-8000-000000000002">""",
            """<Coding guid="FFFFFFFF-0000-4000-8000-000000000003" creatingUser="AAAAAAAA-0000-4000-8000-000000000009">""");
        Assert.Equal("Coding ffffffff-0000-4000-8000-000000000003 in source 'Response 17 (Q3)' was made by user " +
                     "aaaaaaaa-0000-4000-8000-000000000009, who is not among the project's users.", Refi.Refused(qde));
    }

    [Theory]
    [InlineData("13", "48")]
    [InlineData("33", "13")]
    [InlineData("-1", "33")]
    public void with_a_selection_outside_its_text_is_refused(string start, string end)
    {
        var qde = Example.Replace("""startPosition="13" endPosition="33" """, $"""startPosition="{start}" endPosition="{end}" """);
        Assert.Equal($"Selection ffffffff-0000-4000-8000-000000000001 in source 'Response 17 (Q3)' runs from {start} to {end}, " +
                     "but the text has 47 characters (counted in Unicode code points, as REFI-QDA does).", Refi.Refused(qde));
    }

    [Fact]
    public void with_a_coding_that_names_no_coder_anywhere_is_refused()
    {
        var qde = Example.Replace(""" creatingUserGUID="AAAAAAAA-0000-4000-8000-000000000001" """, " ")
            .Replace("""<Coding guid="FFFFFFFF-0000-4000-8000-000000000003" creatingUser="AAAAAAAA-0000-4000-8000-000000000002">""",
                """<Coding guid="FFFFFFFF-0000-4000-8000-000000000003">""");
        Assert.Equal("Coding ffffffff-0000-4000-8000-000000000003 in source 'Response 17 (Q3)' does not say which user made it, " +
                     "and the project names no creating user either.", Refi.Refused(qde));
    }

    [Fact]
    public void with_a_repeated_guid_is_refused()
    {
        var qde = Example.Replace("FFFFFFFF-0000-4000-8000-000000000003", "FFFFFFFF-0000-4000-8000-000000000002");
        Assert.StartsWith("The id ffffffff-0000-4000-8000-000000000002 is used more than once (again on a <Coding>)", Refi.Refused(qde));
    }

    [Fact]
    public void with_more_sources_than_the_limit_is_refused()
    {
        var qde = Example.Replace("</Sources>", """<PictureSource guid="12345678-0000-4000-8000-000000000001" name="p"/></Sources>""");
        Assert.Equal("The project holds 2 sources, more than the 1 Engage accepts in one import.",
            Refi.Refused(qde, new ExchangeLimits { MaxSources = 1 }));
    }

    [Fact]
    public void with_a_memo_reference_to_nothing_is_refused()
    {
        var qde = Example.Replace("</TextSource>", """<NoteRef targetGUID="12345678-0000-4000-8000-000000000001"/></TextSource>""");
        Assert.Equal("A <TextSource> refers to memo 12345678-0000-4000-8000-000000000001, which is not among the project's notes.",
            Refi.Refused(qde));
    }
}

public class a_code_description
{
    [Fact]
    public void carries_definition_criteria_and_example_in_one_readable_text_and_back()
    {
        var text = CodeDescription.Compose(" Danger to people cycling.\nIncludes e-scooters. ", "lanes,\njunctions", "", "\"I was nearly hit\"");

        Assert.Equal("Danger to people cycling.\nIncludes e-scooters.\n\nInclude when: lanes,\njunctions\nExample: \"I was nearly hit\"", text);
        Assert.Equal(("Danger to people cycling.\nIncludes e-scooters.", "lanes,\njunctions", "", "\"I was nearly hit\""),
            CodeDescription.Parse(text));
    }

    [Fact]
    public void reads_text_from_other_tools_as_the_definition()
    {
        Assert.Equal(("Mentions of cycle lanes.\r\nNot leisure.".ReplaceLineEndings("\n"), "", "", ""),
            CodeDescription.Parse("Mentions of cycle lanes.\r\nNot leisure."));
        Assert.Equal(("", "", "", ""), CodeDescription.Parse(null));
    }

    [Fact]
    public void reads_labels_in_any_case_and_criteria_without_a_definition()
    {
        Assert.Equal(("", "buses", "trains", ""), CodeDescription.Parse("INCLUDE WHEN: buses\nexclude when:trains"));
        Assert.Equal("Exclude when: trains", CodeDescription.Compose("", "", "trains", ""));
    }
}
