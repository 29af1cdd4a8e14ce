using System.Text;
using Engage.Platform.Csv;

namespace Engage.UnitTests;

public class reading_an_uploaded_csv
{
    [Fact]
    public void quoted_fields_keep_commas_doubled_quotes_and_line_breaks_and_rows_know_their_first_line()
    {
        var table = CsvTable.Read(Encoding.UTF8.GetBytes("id,text\r\n1,\"a, \"\"b\"\"\"\r\n2,\"two\nlines\"\n\n3,plain\n"));

        Assert.Equal(["id", "text"], table.Header);
        Assert.Equal(["a, \"b\"", "two\nlines", "plain"], table.Rows.Select(r => r.Fields[1]));
        Assert.Equal([2, 3, 6], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public void a_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var table = CsvTable.Read([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("id,text\n1,x\n")]);
        Assert.Equal([0, 1], table.Columns("ID", "text"));
    }

    [Theory]
    [InlineData("id,text\n1,x\n2\n", 3, "1 fields where the header has 2.")]
    [InlineData("id,text\n1,\"never closed\n2,x\n", 2, "a quoted field is never closed.")]
    [InlineData("", 1, "the file is empty; it needs a header row.")]
    public void a_malformed_file_names_the_line(string content, int line, string problem)
    {
        var error = Assert.Throws<CsvFormatException>(() => CsvTable.Read(Encoding.UTF8.GetBytes(content)));
        Assert.Equal(line, error.Line);
        Assert.EndsWith(problem, error.Message);
    }

    [Fact]
    public void text_that_is_not_utf8_names_the_first_bad_line()
    {
        var bytes = Encoding.Latin1.GetBytes("id,text\n1,plain\n2,caf\u00e9\n3,more\n");
        Assert.Equal(3, Assert.Throws<CsvFormatException>(() => CsvTable.Read(bytes)).Line);
    }

    [Fact]
    public void a_missing_column_is_named()
    {
        var table = CsvTable.Read(Encoding.UTF8.GetBytes("id,body\n1,x\n"));
        Assert.Contains("no 'text' column", Assert.Throws<CsvFormatException>(() => table.Columns("id", "text")).Message);
    }
}
