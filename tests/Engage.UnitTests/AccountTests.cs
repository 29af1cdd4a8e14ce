using Engage.Platform;
using Engage.Platform.Accounts;
using Engage.Platform.SignInLinks;

namespace Engage.UnitTests;

public class when_a_staff_member_signs_in
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static StaffAccount Account(string password = "the-right-password")
    {
        var account = new StaffAccount { Id = Guid.NewGuid(), Email = "a@b.c", Roles = [Roles.Analyst] };
        account.PasswordHash = Passwords.Hash(account, password);
        return account;
    }

    [Fact]
    public void the_right_password_succeeds_and_clears_earlier_failures()
    {
        var account = Account();
        StaffSignIn.Attempt(account, "wrong", Now);

        Assert.True(StaffSignIn.Attempt(account, "the-right-password", Now));
        Assert.Equal(0, account.FailedAttempts);
    }

    [Fact]
    public void five_failures_lock_the_account_for_fifteen_minutes_then_it_opens_again()
    {
        var account = Account();
        for (var i = 0; i < StaffAccount.MaxFailedAttempts; i++) Assert.False(StaffSignIn.Attempt(account, "wrong", Now));

        Assert.False(StaffSignIn.Attempt(account, "the-right-password", Now.AddMinutes(14)));
        Assert.True(StaffSignIn.Attempt(account, "the-right-password", Now.AddMinutes(15).AddSeconds(1)));
    }

    [Fact]
    public void a_disabled_account_or_an_unknown_email_never_succeeds()
    {
        var account = Account();
        account.Disabled = true;

        Assert.False(StaffSignIn.Attempt(account, "the-right-password", Now));
        Assert.False(StaffSignIn.Attempt(null, "the-right-password", Now));
    }

    [Theory]
    [InlineData("short", false)]
    [InlineData("twelve-chars", true)]
    [InlineData("", false)]
    public void a_password_must_be_at_least_twelve_characters(string password, bool acceptable) =>
        Assert.Equal(acceptable, Passwords.Problem(password) is null);

    [Fact]
    public void only_staff_roles_can_be_given_to_a_staff_account()
    {
        var command = new CreateStaffAccount("x@y.z", "X", [Roles.Participant], "long-enough-password");
        Assert.Contains("not a staff role", StaffAccountRules.Problem(command, emailTaken: false));
    }

    [Fact]
    public void changing_an_account_ends_the_sessions_signed_in_before()
    {
        var account = Account();
        var stamp = account.SecurityStamp;
        StaffAccountRules.Apply(account, new UpdateStaffAccount("Name", [Roles.Analyst], false, null));
        Assert.NotEqual(stamp, account.SecurityStamp);
    }
}

public class when_a_sign_in_link_is_used
{
    [Theory]
    [InlineData("/workshops/1", "/workshops/1")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(null, "/")]
    public void it_only_ever_returns_to_a_page_of_this_site(string? returnUrl, string expected) =>
        Assert.Equal(expected, LocalUrl.OrHome(returnUrl));

    [Fact]
    public void only_the_hash_of_the_token_is_stored_and_it_expires()
    {
        var token = SignInLink.NewToken();
        var link = new SignInLink { Id = SignInLink.HashOf(token), ExpiresAt = DateTimeOffset.UnixEpoch.AddMinutes(30) };

        Assert.DoesNotContain(token, link.Id);
        Assert.True(link.UsableAt(DateTimeOffset.UnixEpoch));
        Assert.False(link.UsableAt(DateTimeOffset.UnixEpoch.AddMinutes(30)));
        link.UsedAt = DateTimeOffset.UnixEpoch;
        Assert.False(link.UsableAt(DateTimeOffset.UnixEpoch));
    }
}
