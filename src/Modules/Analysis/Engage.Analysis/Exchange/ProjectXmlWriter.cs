using System.Xml;

namespace Engage.Analysis.Exchange;

/// <summary>
/// Writes project.qde in the element order Project-mrt2019.xsd fixes: Users, CodeBook, Variables, Cases,
/// Sources, Notes, then the project's own memo references. Source texts are not inline: they travel as
/// sources/{guid}.txt beside it, the way NVivo, ATLAS.ti, MAXQDA and QualCoder exchange them.
/// </summary>
internal static class ProjectXmlWriter
{
    const string Ns = QdpxFormat.Namespace;

    public static string TextFileName(Guid sourceId) => RefiValues.Guid(sourceId) + ".txt";

    public static void Write(QdaProject project, Stream output)
    {
        var memosBySource = project.Notes.Where(n => n.AboutSourceId is not null).ToLookup(n => n.AboutSourceId!.Value, n => n.Id);
        var memosByCode = project.Notes.Where(n => n.AboutCodeId is not null).ToLookup(n => n.AboutCodeId!.Value, n => n.Id);
        var variables = project.Sources.SelectMany(s => s.Attributes.Keys).Distinct().Order(StringComparer.Ordinal).ToList();

        using var xml = XmlWriter.Create(output, CodebookXml.WriterSettings);
        xml.WriteStartDocument();
        xml.WriteStartElement("Project", Ns);
        xml.WriteAttributeString("name", RefiValues.XmlSafe(project.Name));
        xml.WriteAttributeString("origin", "Engage");
        xml.WriteAttributeString("creationDateTime", RefiValues.DateTime(project.CreatedAt));

        // Each list element below needs at least one member in the schema, so an empty list is left out.
        if (project.Users.Count > 0)
            List(xml, "Users", project.Users, user =>
            {
                xml.WriteStartElement("User", Ns);
                xml.WriteAttributeString("guid", RefiValues.Guid(user.Id));
                xml.WriteAttributeString("name", RefiValues.XmlSafe(user.Name));
                xml.WriteEndElement();
            });
        if (project.Codes.Count > 0)
        {
            xml.WriteStartElement("CodeBook", Ns);
            CodebookXml.Write(xml, Ns, project.Codes, memosByCode);
            xml.WriteEndElement();
        }
        if (variables.Count > 0)
            List(xml, "Variables", variables, name =>
            {
                xml.WriteStartElement("Variable", Ns);
                xml.WriteAttributeString("guid", RefiValues.Guid(VariableId(name)));
                xml.WriteAttributeString("name", RefiValues.XmlSafe(name));
                xml.WriteAttributeString("typeOfVariable", "Text");
                xml.WriteEndElement();
            });
        if (project.Sources.Count > 0)
        {
            List(xml, "Cases", project.Sources, source => WriteCase(xml, source));
            List(xml, "Sources", project.Sources, source => WriteSource(xml, source, memosBySource[source.Id]));
        }
        if (project.Notes.Count > 0)
            List(xml, "Notes", project.Notes, note => WriteNote(xml, note));
        foreach (var memo in project.Notes.Where(n => n.AboutSourceId is null && n.AboutCodeId is null))
            Ref(xml, "NoteRef", memo.Id);
        xml.WriteEndElement();
    }

    /// <summary>One case per source, so that tools which hang attributes on cases (NVivo, QualCoder) see them.</summary>
    static void WriteCase(XmlWriter xml, QdaSource source)
    {
        xml.WriteStartElement("Case", Ns);
        xml.WriteAttributeString("guid", RefiValues.Guid(RefiValues.Derived("case", source.Id.ToString())));
        xml.WriteAttributeString("name", RefiValues.XmlSafe(source.Name));
        foreach (var (name, value) in source.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            xml.WriteStartElement("VariableValue", Ns);
            Ref(xml, "VariableRef", VariableId(name));
            xml.WriteElementString("TextValue", Ns, RefiValues.XmlSafe(value));
            xml.WriteEndElement();
        }
        Ref(xml, "SourceRef", source.Id);
        xml.WriteEndElement();
    }

    static void WriteSource(XmlWriter xml, QdaSource source, IEnumerable<Guid> memos)
    {
        xml.WriteStartElement("TextSource", Ns);
        xml.WriteAttributeString("guid", RefiValues.Guid(source.Id));
        xml.WriteAttributeString("name", RefiValues.XmlSafe(source.Name));
        xml.WriteAttributeString("plainTextPath", "internal://" + TextFileName(source.Id));
        var offsets = new CodePoints(source.Text);
        foreach (var coding in source.Codings.Where(c => c.Start is not null))
        {
            xml.WriteStartElement("PlainTextSelection", Ns);
            xml.WriteAttributeString("guid", RefiValues.Guid(RefiValues.Derived("selection", coding.Id.ToString())));
            xml.WriteAttributeString("startPosition", offsets.FromUtf16(coding.Start!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteAttributeString("endPosition", offsets.FromUtf16(coding.End!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteAttributeString("creatingUser", RefiValues.Guid(coding.CoderId));
            xml.WriteAttributeString("creationDateTime", RefiValues.DateTime(coding.CreatedAt));
            WriteCoding(xml, coding);
            xml.WriteEndElement();
        }
        foreach (var coding in source.Codings.Where(c => c.Start is null))
            WriteCoding(xml, coding);
        foreach (var memo in memos) Ref(xml, "NoteRef", memo);
        xml.WriteEndElement();
    }

    static void WriteCoding(XmlWriter xml, QdaCoding coding)
    {
        xml.WriteStartElement("Coding", Ns);
        xml.WriteAttributeString("guid", RefiValues.Guid(coding.Id));
        xml.WriteAttributeString("creatingUser", RefiValues.Guid(coding.CoderId));
        xml.WriteAttributeString("creationDateTime", RefiValues.DateTime(coding.CreatedAt));
        Ref(xml, "CodeRef", coding.CodeId);
        xml.WriteEndElement();
    }

    /// <summary>A note is a TextSourceType; memos are short, so their text stays inline.</summary>
    static void WriteNote(XmlWriter xml, QdaNote note)
    {
        xml.WriteStartElement("Note", Ns);
        xml.WriteAttributeString("guid", RefiValues.Guid(note.Id));
        xml.WriteAttributeString("name", RefiValues.XmlSafe(note.Name));
        if (note.CreatorId is { } creator) xml.WriteAttributeString("creatingUser", RefiValues.Guid(creator));
        if (note.CreatedAt is { } at) xml.WriteAttributeString("creationDateTime", RefiValues.DateTime(at));
        xml.WriteElementString("PlainTextContent", Ns, RefiValues.XmlSafe(note.Text));
        xml.WriteEndElement();
    }

    /// <summary>Variables are Engage attribute names; the id is derived from the name so it is stable across exports.</summary>
    static Guid VariableId(string name) => RefiValues.Derived("variable", name);

    static void List<T>(XmlWriter xml, string element, IEnumerable<T> items, Action<T> write)
    {
        xml.WriteStartElement(element, Ns);
        foreach (var item in items) write(item);
        xml.WriteEndElement();
    }

    static void Ref(XmlWriter xml, string element, Guid target)
    {
        xml.WriteStartElement(element, Ns);
        xml.WriteAttributeString("targetGUID", RefiValues.Guid(target));
        xml.WriteEndElement();
    }
}
