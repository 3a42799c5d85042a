using Truce.Webhooks;

namespace Truce.Core.Tests.Webhooks;

public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)] // 3840 s would pass the hour's cap
    [InlineData(40, 3600)]
    public void Each_retry_waits_twice_as_long_as_the_last_up_to_the_cap(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), WebhookRules.Backoff(attempts, WebhookTimings.Default));

    [Fact]
    public void The_signature_matches_the_standard_webhooks_reference_example()
    {
        // The example of the Standard Webhooks specification's reference libraries: secret, id, timestamp and body as they give them.
        var signature = WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void A_new_secret_is_32_random_bytes_in_the_specs_form()
    {
        var secret = WebhookSignature.NewSecret();

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.NotEqual(secret, WebhookSignature.NewSecret());
    }
}
