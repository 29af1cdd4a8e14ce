using Engage.Analysis;
using Engage.Host;
using Engage.Platform;
using Engage.Reporting;
using Engage.Seminar;
using Engage.Workshop;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);

builder.AddEngageHosting();
builder.AddEngagePlatform();
builder.AddSeminarModule();
builder.AddWorkshopModule();
builder.AddAnalysisModule();
builder.AddReportingModule();

var app = builder.Build();

app.UseEngagePlatform();
app.MapEngagePlatform();
app.MapEngageApi();

return await app.RunJasperFxCommands(args);

public partial class Program;
