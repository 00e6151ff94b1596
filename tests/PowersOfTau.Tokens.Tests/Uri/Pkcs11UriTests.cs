using System.Text;
using CsCheck;
using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Uri;

namespace PowersOfTau.Tokens.Tests.Uri;

/// <summary>RFC 7512 parsing. The example URIs are those of RFC 7512 §3.3, copied verbatim.</summary>
public sealed class Pkcs11UriTests
{
    [Fact]
    public void Empty_uri_matches_everything()
    {
        var uri = Pkcs11Uri.Parse("pkcs11:");
        Assert.Null(uri.Token);
        Assert.True(uri.NamesNoObject);
        Assert.Equal("pkcs11:", uri.ToString());
    }

    [Fact]
    public void Rfc7512_object_and_type()
    {
        var uri = Pkcs11Uri.Parse("pkcs11:object=my-pubkey;type=public");
        Assert.Equal("my-pubkey", uri.Object);
        Assert.Equal(Pkcs11ObjectType.Public, uri.Type);
    }

    [Fact]
    public void Rfc7512_pin_source_file()
    {
        var uri = Pkcs11Uri.Parse("pkcs11:object=my-key;type=private?pin-source=file:/etc/token");
        Assert.Equal(Pkcs11ObjectType.Private, uri.Type);
        Assert.Equal("file:/etc/token", uri.PinSource);
    }

    [Fact]
    public void Rfc7512_full_example_with_percent_encoded_id_and_empty_serial()
    {
        var uri = Pkcs11Uri.Parse("pkcs11:token=The%20Software%20PKCS%2311%20Softtoken;manufacturer=Snake%20Oil,%20Inc.;model=1.0;object=my-certificate;type=cert;id=%69%95%3E%5C%F4%BD%EC%91;serial=?pin-source=file:/etc/token_pin");
        Assert.Equal("The Software PKCS#11 Softtoken", uri.Token);
        Assert.Equal("Snake Oil, Inc.", uri.Manufacturer);
        Assert.Equal("1.0", uri.Model);
        Assert.Equal("my-certificate", uri.Object);
        Assert.Equal(Pkcs11ObjectType.Cert, uri.Type);
        Assert.Equal(new byte[] { 0x69, 0x95, 0x3E, 0x5C, 0xF4, 0xBD, 0xEC, 0x91 }, uri.Id);
        Assert.Equal("", uri.Serial); // present and empty: matches only an empty serial
        Assert.Equal("file:/etc/token_pin", uri.PinSource);
    }

    [Fact]
    public void Rfc7512_module_name_and_module_path()
    {
        Assert.Equal("mypkcs11", Pkcs11Uri.Parse("pkcs11:object=my-sign-key;type=private?module-name=mypkcs11").ModuleName);
        Assert.Equal("/mnt/libmypkcs11.so.1", Pkcs11Uri.Parse("pkcs11:object=my-sign-key;type=private?module-path=/mnt/libmypkcs11.so.1").ModulePath);
    }

    [Fact]
    public void Rfc7512_pin_value_example_is_refused_without_echoing_the_pin()
    {
        var e = Assert.Throws<Pkcs11UriException>(() => Pkcs11Uri.Parse("pkcs11:token=Software%20PKCS%2311%20softtoken;manufacturer=Snake%20Oil,%20Inc.?pin-value=the-pin"));
        Assert.Contains("pin-value", e.Message);
        Assert.Contains("pin-source", e.Message);
        Assert.DoesNotContain("the-pin", e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    [Theory]
    [InlineData("pkcs11:token=tau;pin-value=the-pin")]
    [InlineData("pkcs11:pin-value=the-pin;token=tau?module-path=/x.so")]
    public void Pin_value_as_a_path_attribute_is_refused_too_without_echoing_the_pin(string uri)
    {
        var e = Assert.Throws<Pkcs11UriException>(() => Pkcs11Uri.Parse(uri));
        Assert.Contains("pin-value", e.Message);
        Assert.DoesNotContain("the-pin", e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    [Fact]
    public void Pin_source_in_the_path_is_refused_with_where_it_belongs()
    {
        var e = Assert.Throws<Pkcs11UriException>(() => Pkcs11Uri.Parse("pkcs11:token=tau;pin-source=file:/tmp/pin"));
        Assert.Contains("query attribute", e.Message);
        Assert.DoesNotContain("/tmp/pin", e.Message);
    }

    [Fact]
    public void Rfc7512_slot_and_library_attributes()
    {
        Assert.Equal("Sun Metaslot", Pkcs11Uri.Parse("pkcs11:slot-description=Sun%20Metaslot").SlotDescription);
        var lib = Pkcs11Uri.Parse("pkcs11:library-manufacturer=Snake%20Oil,%20Inc.;library-description=Soft%20Token%20Library;library-version=1.23");
        Assert.Equal("Snake Oil, Inc.", lib.LibraryManufacturer);
        Assert.Equal("Soft Token Library", lib.LibraryDescription);
        Assert.Equal(((byte)1, (byte)23), lib.LibraryVersion);
    }

    [Fact]
    public void Rfc7512_percent_sign_mixed_case_hex_and_utf8_euro()
    {
        var uri = Pkcs11Uri.Parse("pkcs11:token=My%20token%25%20created%20by%20Joe;library-version=3;id=%01%02%03%Ba%dd%Ef%08;object=%E2%82%AC");
        Assert.Equal("My token% created by Joe", uri.Token);
        Assert.Equal(((byte)3, (byte)0), uri.LibraryVersion);
        Assert.Equal(new byte[] { 1, 2, 3, 0xBA, 0xDD, 0xEF, 8 }, uri.Id);
        Assert.Equal("€", uri.Object);
    }

    [Fact]
    public void Rfc7512_semicolon_inside_a_value_and_non_ascii()
    {
        Assert.Equal("A name with a substring %;", Pkcs11Uri.Parse("pkcs11:token=A%20name%20with%20a%20substring%20%25%3B;object=my-certificate;type=cert").Token);
        Assert.Equal("Name with a small A with acute: á", Pkcs11Uri.Parse("pkcs11:token=Name%20with%20a%20small%20A%20with%20acute:%20%C3%A1;object=my-certificate;type=cert").Token);
    }

    [Fact]
    public void Rfc7512_vendor_attributes_are_kept_apart()
    {
        var uri = Pkcs11Uri.Parse("pkcs11:token=my-token;object=my-certificate;type=cert;vendor-aaa=value-a?pin-source=file:/etc/token_pin&vendor-bbb=value-b");
        Assert.Equal("value-a", uri.VendorPathAttributes["vendor-aaa"]);
        Assert.Equal(new KeyValuePair<string, string>("vendor-bbb", "value-b"), Assert.Single(uri.VendorQueryAttributes));
        Assert.Equal("file:/etc/token_pin", uri.PinSource);
    }

    [Theory]
    [InlineData("pkcs12:token=x", "starts with 'pkcs11:'")]
    [InlineData("pkcs11:token=a b", "character ' ' at position 14")]
    [InlineData("pkcs11:token=a;token=b", "appears twice")]
    [InlineData("pkcs11:id=%0", "two hex digits")]
    [InlineData("pkcs11:id=%zz", "two hex digits")]
    [InlineData("pkcs11:token=%FF", "not valid UTF-8")]
    [InlineData("pkcs11:type=secret", "not one of")]
    [InlineData("pkcs11:slot-id=-1", "not a decimal number")]
    [InlineData("pkcs11:library-version=1.2.3", "not M or M.N")]
    [InlineData("pkcs11:token=x?module-path=lib.so", "absolute path")]
    [InlineData("pkcs11:token=x?module-path=/a.so&module-name=b", "not both")]
    [InlineData("pkcs11:token=x?pin-source=/a&pin-source=/b", "appears twice")]
    [InlineData("pkcs11:token=x;;object=y", "empty attribute")]
    [InlineData("pkcs11:token", "expected name=value")]
    [InlineData("pkcs11:token=x#frag", "'#'")]
    [InlineData("pkcs11:object=a/b", "character '/'")]
    public void Malformed_uris_are_rejected_with_a_specific_message(string text, string expected)
    {
        var e = Assert.Throws<Pkcs11UriException>(() => Pkcs11Uri.Parse(text));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Slot_id_is_decimal()
    {
        Assert.Equal(1882201557UL, Pkcs11Uri.Parse("pkcs11:slot-id=1882201557").SlotId);
    }

    [Fact]
    public void Canonical_form_round_trips_and_escapes_reserved_characters()
    {
        var uri = Pkcs11Uri.Parse("pkcs11:object=%E2%82%AC;token=A%20b%3B;id=%01%FF?pin-source=file:/run/pin&module-path=/usr/lib/x.so");
        string canonical = uri.ToString();
        Assert.Equal("pkcs11:token=A%20b%3B;object=%E2%82%AC;id=%01%FF?module-path=/usr/lib/x.so&pin-source=file:/run/pin", canonical);
        Assert.Equal(canonical, Pkcs11Uri.Parse(canonical).ToString());
    }

    [Fact]
    public void Any_label_survives_escape_then_parse()
    {
        Gen.String[Gen.Char.Where(c => !char.IsSurrogate(c)), 0, 40].Sample(label =>
        {
            var uri = Pkcs11Uri.Parse("pkcs11:token=" + Pkcs11Uri.EscapeValue(label));
            Assert.Equal(label, uri.Token);
        });
    }

    [Fact]
    public void Any_id_survives_canonical_form()
    {
        Gen.Byte.Array[0, 20].Sample(id =>
        {
            var uri = Pkcs11Uri.Parse("pkcs11:id=" + string.Concat(id.Select(b => $"%{b:x2}")));
            Assert.Equal(id, Pkcs11Uri.Parse(uri.ToString()).Id);
        });
    }

    [Fact]
    public void Utf8_of_the_escaped_value_is_what_is_matched()
    {
        // A label typed with a precomposed á (U+00E1) and one with a + combining accent are different tokens.
        Assert.NotEqual(Pkcs11Uri.Parse("pkcs11:token=%C3%A1").Token, Pkcs11Uri.Parse("pkcs11:token=a%CC%81").Token);
        Assert.Equal("á", Encoding.UTF8.GetString([0xC3, 0xA1]));
    }
}
