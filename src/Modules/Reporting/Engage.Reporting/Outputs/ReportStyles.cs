namespace Engage.Reporting.Outputs;

/// <summary>
/// The report's own styles, inlined so the HTML file and the PDF need nothing else to load. NHS.UK
/// colours and type scale; the print rules give the PDF its pages (each main section on a new page).
/// </summary>
internal static class ReportStyles
{
    public const string Css = """
        .report { font-family: "Frutiger W01", Arial, "Helvetica Neue", sans-serif; color: #212b32; line-height: 1.5; max-width: 960px; }
        .report h1 { font-size: 2.4rem; line-height: 1.2; margin: 0 0 1rem; }
        .report h2 { font-size: 1.8rem; margin: 2.5rem 0 1rem; border-bottom: 4px solid #005eb8; padding-bottom: .3rem; }
        .report h3 { font-size: 1.35rem; margin: 2rem 0 .6rem; }
        .report h4 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
        .report a { color: #005eb8; }
        .report .title-page { background: #005eb8; color: #fff; padding: 2.5rem 2rem; margin-bottom: 2rem; }
        .report .title-page p { color: #fff; font-size: 1.15rem; margin: .3rem 0; }
        .report .title-page .kind { text-transform: uppercase; letter-spacing: .08em; font-weight: bold; }
        .report .figures { display: flex; flex-wrap: wrap; gap: .8rem; list-style: none; padding: 0; }
        .report .figures li { border-left: 6px solid #005eb8; background: #f0f4f5; padding: .6rem 1rem; min-width: 9rem; }
        .report .figures strong { display: block; font-size: 1.6rem; }
        .report table { border-collapse: collapse; width: 100%; margin: .8rem 0 1.4rem; font-size: .92rem; }
        .report caption { text-align: left; font-weight: bold; padding-bottom: .4rem; }
        .report th, .report td { border-bottom: 1px solid #d8dde0; padding: .35rem .5rem; text-align: left; vertical-align: top; }
        .report td.n, .report th.n { text-align: right; font-variant-numeric: tabular-nums; }
        .report blockquote { border-left: 6px solid #768692; margin: .8rem 0; padding: .2rem 1rem; background: #f0f4f5; }
        .report blockquote footer { color: #4c6272; font-size: .9rem; }
        .report .not-available { border-left: 6px solid #ffb81c; background: #fff9e6; padding: .6rem 1rem; }
        .report .recommendation { border: 1px solid #d8dde0; border-top: 4px solid #007f3b; padding: .4rem 1rem 1rem; margin: 1rem 0; }
        .report .meta { color: #4c6272; }
        .report .chart { max-width: 100%; height: auto; display: block; margin: .6rem 0; }
        .report .narrative { font-size: 1.05rem; }
        .report nav.contents ol { padding-left: 1.4rem; }
        @page { size: A4; margin: 18mm 15mm 20mm; }
        @media print {
          .report { max-width: none; font-size: 10.5pt; }
          .report .title-page { min-height: 240mm; break-after: page; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .report nav.contents { break-after: page; }
          .report > section { break-before: page; }
          .report h2, .report h3, .report h4 { break-after: avoid; }
          .report tr, .report blockquote, .report .chart { break-inside: avoid; }
          .report .figures li, .report .not-available, .report blockquote { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;
}
