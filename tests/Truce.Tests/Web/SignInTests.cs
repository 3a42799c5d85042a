using System.Net;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Web;

public sealed class SignInTests
{
    private static async Task<HttpResponseMessage> SignInAsync(TruceApp app, string returnUrl)
    {
        var password = Users.NewPassword();
        var name = $"monitor{Guid.NewGuid():N}"[..20];
        await using (var db = app.Store.Open())
        {
            Assert.True((await Users.AddAsync(db, name, Role.Monitor, null, password)).Succeeded);
        }
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await Forms.TokenAsync(client, "/login");
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = name, ["password"] = password, ["returnUrl"] = returnUrl,
        }));
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/incidents\r\nSet-Cookie: x=1")]
    [InlineData("/\n/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    public async Task A_return_address_that_would_leave_the_site_or_breaks_a_header_sends_the_user_to_the_dashboard(string returnUrl)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);

        var response = await SignInAsync(app, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_return_address_on_this_site_is_where_sign_in_leads()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);

        var response = await SignInAsync(app, "/incidents?status=verified");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/incidents?status=verified", response.Headers.Location?.OriginalString);
    }
}
