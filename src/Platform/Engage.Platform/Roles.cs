namespace Engage.Platform;

/// <summary>The roles of Engage's users (ARCHITECTURE.md, "Users and their doors").</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string ProgrammeStaff = nameof(ProgrammeStaff);
    public const string Facilitator = nameof(Facilitator);
    public const string Analyst = nameof(Analyst);
    public const string Moderator = nameof(Moderator);
    public const string Participant = nameof(Participant);

    /// <summary>Roles a staff account can hold (participants sign in by emailed link instead).</summary>
    public static readonly IReadOnlyList<string> Staff = [Admin, ProgrammeStaff, Facilitator, Analyst, Moderator];

    /// <summary>Comma-joined role lists for <c>[Authorize(Roles = ...)]</c>; Admin may do what staff do.</summary>
    public const string AdminOnly = Admin;
    public const string SeminarLeads = Admin + "," + ProgrammeStaff + "," + Facilitator;
    public const string Programme = Admin + "," + ProgrammeStaff;
    public const string Analysts = Admin + "," + Analyst;
    public const string Moderators = Admin + "," + ProgrammeStaff + "," + Moderator;
}
