using Engage.Platform.Web;
using Engage.Platform;
using Engage.Seminar.Seminars;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Engage.Seminar.Invitations;

public record InviteeForm(string? Name, string? Email, string? Organisation, string? InterestGroup, string? Role);

public record AddInvitee(Guid SeminarId, InviteeForm Form);

public record InviteeCreated(Guid Id);

[MartenStore(typeof(ISeminarStore))]
public static class AddInviteeHandler
{
    public static (InviteeCreated, Events) Handle(AddInvitee command, [WriteAggregate(Required = false, LoadStyle = ConcurrencyStyle.Exclusive)] Seminars.Seminar? seminar)
    {
        var found = SeminarRules.Found(seminar);
        SeminarRules.NotConcluded(found, "no one new can be invited");
        var f = command.Form;
        var email = SeminarRules.Text(f.Email, "email", 320).ToLowerInvariant();
        SeminarRules.Require(System.Net.Mail.MailAddress.TryCreate(email, out _), "'email' must be an email address.");
        SeminarRules.Require(found.Invitees.All(i => i.Email != email), $"{email} is already invited.", 409);
        var id = Guid.CreateVersion7();
        return (new InviteeCreated(id), [new InviteeAdded(id, SeminarRules.Text(f.Name, "name", SeminarRules.MaxShortText), email,
            SeminarRules.Text(f.Organisation, "organisation", SeminarRules.MaxShortText, required: false),
            SeminarRules.InterestGroupOf(found, f.InterestGroup), SeminarRules.Text(f.Role, "role", SeminarRules.MaxShortText, required: false))]);
    }
}

[Authorize(Roles = Roles.SeminarLeads)]
public static class AddInviteeEndpoint
{
    [WolverinePost("/api/seminars/{id}/invitees")]
    public static Task<IResult> Post(Guid id, InviteeForm form, IMessageBus bus) =>
        ApiDoor.Invoke<InviteeCreated>(bus, new AddInvitee(id, form),
            created => ApiDoor.Created($"/api/seminars/{id}/invitees/{created.Id}", created.Id));
}
