using Marten;

namespace Engage.Platform.Accounts;

/// <summary>
/// The sign-in lookup used by the token endpoint, the sign-in page, account creation and the admin
/// seed: a Marten query plan (the Critter Stack's specification pattern, see docs/adr/0003).
/// </summary>
public sealed class StaffAccountByEmail(string email) : IQueryPlan<StaffAccount?>
{
    private readonly string normalised = StaffAccount.Normalise(email);

    public Task<StaffAccount?> Fetch(IQuerySession session, CancellationToken token) =>
        session.Query<StaffAccount>().FirstOrDefaultAsync(x => x.Email == normalised, token);
}
