package app.plugboard.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.plugboard.testsupport.StubResolver;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("DestinationGuard: the private-address guard")
class DestinationGuardTest {

    static InetAddress literal(String name, String address) {
        return StubResolver.address(name, address);
    }

    final StubResolver resolver = new StubResolver();
    final DestinationGuard guard = new DestinationGuard(resolver, List.of());

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "127.0.0.1", "127.1", "2130706433", "0x7f000001", "0x7F.1", "017700000001", "0177.0.0.1", "127.0.0.1.",
            "[::ffff:127.0.0.1]", "::ffff:7f00:1", "[::1]", "::", "0.0.0.0", "0", "1",
            "169.254.169.254", "0xa9fea9fe", "10.1.2.3", "10.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "100.64.0.1", "255.255.255.255", "224.0.0.1", "239.255.255.250", "198.18.0.1",
            "[fd00::1]", "[fc00::1]", "[fe80::1]", "[ff02::1]", "[fec0::1]",
            "[64:ff9b::7f00:1]", "[64:ff9b::808:808]", "[2002:7f00:1::]", "[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
            "[::ffff:169.254.169.254]", "[::127.0.0.1]"})
    @DisplayName("refuses every private and special address, in every numeric form, before any lookup")
    void refusesNumericForms(String host) {
        // WHEN a numeric host is checked
        BlockedDestinationException refused = catchThrowableOfType(BlockedDestinationException.class,
                () -> guard.check(host, 993));

        // THEN it is refused with the same words as an unreachable server
        assertThat(refused).as(host).isNotNull();
        assertThat(refused.getMessage()).startsWith("could not reach ").endsWith(":993")
                .isEqualTo(DestinationGuard.couldNotReach(refused.host(), 993));
        // AND no resolver was asked: numbers are parsed, not looked up
        assertThat(resolver.asked()).isEmpty();
    }

    @Test
    @DisplayName("names that resolve to private addresses are refused, naming the range for the log only")
    void refusesNamesOfPrivateAddresses() throws Exception {
        // GIVEN names whose DNS answers point inside
        resolver.with("intranet.example", "10.0.0.5")
                .with("metadata.example", "169.254.169.254")
                .with("localhost.example", "127.0.0.1")
                .with("v6.example", "fd12:3456::1")
                .with("mapped.example", Inet6Address.getByAddress("mapped.example",
                        new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1}, -1));

        // WHEN each is checked THEN each is refused
        for (String name : List.of("intranet.example", "metadata.example", "localhost.example", "v6.example", "mapped.example")) {
            BlockedDestinationException refused = catchThrowableOfType(BlockedDestinationException.class,
                    () -> guard.check(name, 443));
            assertThat(refused).as(name).isNotNull();
            assertThat(refused.getMessage()).isEqualTo("could not reach " + name + ":443");
            assertThat(refused.getMessage()).doesNotContain(refused.address().getHostAddress());
        }
        assertThat(catchThrowableOfType(BlockedDestinationException.class, () -> guard.check("metadata.example", 80))
                .range()).isEqualTo("link-local");
        assertThat(catchThrowableOfType(BlockedDestinationException.class, () -> guard.check("mapped.example", 80))
                .range()).isEqualTo("loopback");
    }

    @Test
    @DisplayName("an unknown name is refused with the words of a blocked one: whether a name exists is not told")
    void unknownNameReadsLikeBlocked() {
        // GIVEN a name that exists and points inside, and one that does not exist
        resolver.with("intranet.example", "10.0.0.5");

        // WHEN both are checked
        UnknownDestinationException unknown = catchThrowableOfType(UnknownDestinationException.class,
                () -> guard.check("nowhere.example", 993));
        BlockedDestinationException blocked = catchThrowableOfType(BlockedDestinationException.class,
                () -> guard.check("intranet.example", 993));

        // THEN both say "could not reach host:port"; only the type (for the log) tells them apart
        assertThat(unknown.getMessage()).isEqualTo("could not reach nowhere.example:993");
        assertThat(blocked.getMessage()).isEqualTo("could not reach intranet.example:993");
    }

    @Test
    @DisplayName("a name with one public and one private address is refused whole (every address is checked)")
    void refusesMixedAnswers() {
        resolver.with("mixed.example", "93.184.215.14", "192.168.0.10");

        assertThatThrownBy(() -> guard.check("mixed.example", 993))
                .isInstanceOf(BlockedDestinationException.class)
                .hasMessage("could not reach mixed.example:993");
    }

    @Test
    @DisplayName("a public name is resolved once and its checked address is handed back, with the name for TLS")
    void publicNameResolvedOnce() throws Exception {
        // GIVEN a public name with two addresses
        resolver.with("imap.example.com", "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c");

        // WHEN it is checked
        CheckedAddress checked = guard.check(" IMAP.Example.com. ", 993);

        // THEN the first address is the one to connect to, the name is kept for TLS, and the resolver was asked once
        assertThat(checked.address().getHostAddress()).isEqualTo("93.184.215.14");
        assertThat(checked.host()).isEqualTo("imap.example.com");
        assertThat(checked.port()).isEqualTo(993);
        assertThat(checked.literal()).isEqualTo("93.184.215.14");
        assertThat(resolver.asked()).containsExactly("imap.example.com");
    }

    @Test
    @DisplayName("public numeric hosts pass without a lookup, in any form")
    void publicNumbers() throws Exception {
        assertThat(guard.check("93.184.215.14", 993).literal()).isEqualTo("93.184.215.14");
        assertThat(guard.check("0x5db8d70e", 993).literal()).isEqualTo("93.184.215.14");
        assertThat(guard.check("[2606:2800:21f:cb07:6820:80da:af6b:8b2c]", 993).address())
                .isInstanceOf(Inet6Address.class);
        assertThat(resolver.asked()).isEmpty();
    }

    @Test
    @DisplayName("an international name is looked up in its ASCII form")
    void internationalName() throws Exception {
        resolver.with("xn--bcher-kva.example", "93.184.215.14");

        CheckedAddress checked = guard.check("bücher.example", 993);

        assertThat(checked.host()).isEqualTo("xn--bcher-kva.example");
        assertThat(resolver.asked()).containsExactly("xn--bcher-kva.example");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nowhere.example", "999.1.1.1", "1.2.3.256", "0x1ffffffff", "08.1.1.1", "x:y", "[not:an:address]", "", " "})
    @DisplayName("unknown names and numbers that are no address are unknown, not blocked")
    void unknown(String host) {
        assertThatThrownBy(() -> guard.check(host, 993)).isInstanceOf(UnknownDestinationException.class);
        assertThat(resolver.asked()).allMatch("nowhere.example"::equals);
    }

    @Nested
    @DisplayName("ranges an operator allows")
    class AllowedRanges {

        @Test
        @DisplayName("open exactly their range, also through the IPv4-mapped form, and nothing else")
        void allowOnlyTheirRange() throws Exception {
            // GIVEN an operator who allows loopback and one LAN
            DestinationGuard open = new DestinationGuard(resolver,
                    List.of(AddressRange.parse("127.0.0.0/8"), AddressRange.parse(" 192.168.1.0/24 ")));
            resolver.with("nas.lan", "192.168.1.20");

            // THEN those pass
            assertThat(open.check("127.0.0.1", 3143).literal()).isEqualTo("127.0.0.1");
            assertThat(open.check("[::ffff:127.0.0.1]", 3143).literal()).isEqualTo("127.0.0.1");
            assertThat(open.check("nas.lan", 993).literal()).isEqualTo("192.168.1.20");
            // AND the rest of the private space stays closed
            assertThatThrownBy(() -> open.check("192.168.2.1", 993)).isInstanceOf(BlockedDestinationException.class);
            assertThatThrownBy(() -> open.check("10.0.0.1", 993)).isInstanceOf(BlockedDestinationException.class);
            assertThatThrownBy(() -> open.check("[::1]", 993)).isInstanceOf(BlockedDestinationException.class);
        }

        @Test
        @DisplayName("are CIDR ranges of numbers only; anything else is refused naming the value")
        void parseRanges() {
            assertThat(AddressRange.parse("10.0.0.0/8").contains(literal(null, "10.200.3.4"))).isTrue();
            assertThat(AddressRange.parse("10.0.0.7/8").cidr()).isEqualTo("10.0.0.0/8");
            assertThat(AddressRange.parse("fd00::/8").contains(literal(null, "fd12::1"))).isTrue();
            assertThat(AddressRange.parse("fd00::/8").contains(literal(null, "fe80::1"))).isFalse();
            assertThat(AddressRange.parse("192.168.1.5").contains(literal(null, "192.168.1.5"))).isTrue();
            assertThat(AddressRange.parse("192.168.1.5").contains(literal(null, "192.168.1.6"))).isFalse();
            assertThat(AddressRange.parse("::ffff:10.0.0.0/104").cidr()).isEqualTo("10.0.0.0/8");
            for (String bad : List.of("localhost/8", "10.0.0.0/33", "fd00::/129", "10.0.0.0/x", "10.0.0/8", "")) {
                assertThatThrownBy(() -> AddressRange.parse(bad)).as(bad)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"" + bad.strip() + "\"");
            }
        }
    }
}
