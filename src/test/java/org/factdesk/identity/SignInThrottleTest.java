package org.factdesk.identity;

import java.time.Duration;
import java.time.Instant;

import org.factdesk.testing.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle on its own, with a clock the test moves: who is refused, for how long, and how much it remembers. */
class SignInThrottleTest {

    private static final String ATTACKER = "203.0.113.7";
    private static final String SOMEONE_ELSE = "198.51.100.20";
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final MovableClock clock = new MovableClock(Instant.parse("2025-03-03T09:00:00Z"));

    private SignInThrottle throttle(int perClient, int perAccount, int maxTracked) {
        return new SignInThrottle(new SignInThrottleProperties(perClient, perAccount, WINDOW, Duration.ofHours(1),
                maxTracked, Duration.ZERO), clock);
    }

    private static void fail(SignInThrottle throttle, String address, String account, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(address, account);
        }
    }

    @Test
    void refusesAClientThatKeepsGuessingOneAccountButNobodyElse() {
        SignInThrottle throttle = throttle(20, 5, 100);

        fail(throttle, ATTACKER, "admin", 4);
        assertThat(throttle.waitFor(ATTACKER, "admin")).as("after 4 failures").isZero();
        throttle.failed(ATTACKER, "admin");

        assertThat(throttle.waitFor(ATTACKER, "admin")).isEqualTo(WINDOW);
        assertThat(throttle.waitFor(ATTACKER, "ADMIN")).as("user names count without case").isEqualTo(WINDOW);
        assertThat(throttle.waitFor(SOMEONE_ELSE, "admin")).as("the admin at another address").isZero();
        assertThat(throttle.waitFor(ATTACKER, "fiona")).as("another account from the same address").isZero();
    }

    @Test
    void refusesAClientThatFailsForManyAccountsForEveryAccount() {
        SignInThrottle throttle = throttle(20, 5, 100);

        for (int i = 0; i < 19; i++) {
            throttle.failed(ATTACKER, "user-" + i);
        }
        assertThat(throttle.waitFor(ATTACKER, "fiona")).as("after 19 failures").isZero();
        throttle.failed(ATTACKER, "user-19");

        assertThat(throttle.waitFor(ATTACKER, "fiona")).isEqualTo(WINDOW);
        assertThat(throttle.waitFor(SOMEONE_ELSE, "fiona")).isZero();
    }

    @Test
    void letsTheClientTryAgainOnceTheRefusalIsOver() {
        SignInThrottle throttle = throttle(20, 5, 100);
        fail(throttle, ATTACKER, "admin", 5);

        clock.advance(WINDOW.minusSeconds(1));
        assertThat(throttle.waitFor(ATTACKER, "admin")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitFor(ATTACKER, "admin")).isZero();

        throttle.failed(ATTACKER, "admin");
        assertThat(throttle.waitFor(ATTACKER, "admin")).as("one new failure is not five").isZero();
    }

    @Test
    void doublesEachRefusalThatFollowsSoonAfterAnotherUpToTheLongest() {
        SignInThrottle throttle = throttle(20, 5, 100);

        for (int minutes : new int[] {5, 10, 20, 40, 60, 60}) {
            fail(throttle, ATTACKER, "admin", 5);
            assertThat(throttle.waitFor(ATTACKER, "admin")).isEqualTo(Duration.ofMinutes(minutes));
            clock.advance(Duration.ofMinutes(minutes));
        }

        clock.advance(Duration.ofHours(1));
        fail(throttle, ATTACKER, "admin", 5);
        assertThat(throttle.waitFor(ATTACKER, "admin")).as("after an hour without failures").isEqualTo(WINDOW);
    }

    @Test
    void countsOnlyTheFailuresWithinTheWindow() {
        SignInThrottle throttle = throttle(20, 5, 100);

        fail(throttle, ATTACKER, "admin", 4);
        clock.advance(WINDOW.plusSeconds(1));
        fail(throttle, ATTACKER, "admin", 4);
        assertThat(throttle.waitFor(ATTACKER, "admin")).isZero();

        throttle.failed(ATTACKER, "admin");
        assertThat(throttle.waitFor(ATTACKER, "admin")).isEqualTo(WINDOW);
    }

    @Test
    void aSuccessForgetsTheFailuresForThatAccountButNotForTheClient() {
        SignInThrottle throttle = throttle(20, 5, 100);

        for (int round = 0; round < 4; round++) {
            fail(throttle, ATTACKER, "mallory", 4);
            throttle.succeeded(ATTACKER, "mallory");
        }
        assertThat(throttle.waitFor(ATTACKER, "mallory")).as("16 failures, none five in a row").isZero();

        fail(throttle, ATTACKER, "admin", 4);
        assertThat(throttle.waitFor(ATTACKER, "audrey")).as("20 failures from the client").isEqualTo(WINDOW);
        assertThat(throttle.waitFor(ATTACKER, "mallory")).as("signing in between guesses does not help")
                .isEqualTo(WINDOW);
    }

    @Test
    void remembersNoMoreThanItsCap() {
        SignInThrottle throttle = throttle(3, 2, 10);

        for (int i = 0; i < 1000; i++) {
            throttle.failed("10.0." + (i / 250) + "." + (i % 250), "user-" + i);
            assertThat(throttle.tracked()).isLessThanOrEqualTo(10);
        }
        assertThat(throttle.waitFor("10.0.3.249", "user-999")).isZero();
    }

    @Test
    void forgetsSpentEntriesBeforeARefusalThatStillCounts() {
        SignInThrottle throttle = throttle(3, 2, 10);
        for (int i = 0; i < 4; i++) {
            throttle.failed("10.0.0." + i, "user-" + i);
        }
        clock.advance(WINDOW.plusSeconds(1));
        fail(throttle, ATTACKER, "admin", 2);
        assertThat(throttle.tracked()).isEqualTo(10);

        throttle.failed(SOMEONE_ELSE, "fiona");

        assertThat(throttle.tracked()).as("attacker, attacker+admin, newcomer, newcomer+fiona").isEqualTo(4);
        assertThat(throttle.waitFor(ATTACKER, "admin")).isEqualTo(WINDOW);
    }

    @Test
    void countsAnIpv6ClientByItsNetwork() {
        SignInThrottle throttle = throttle(20, 5, 100);

        fail(throttle, "2001:db8:0:1::a", "admin", 3);
        fail(throttle, "2001:DB8:0:1:ffff:0:0:b", "admin", 2);

        assertThat(throttle.waitFor("2001:db8:0:1::1234", "admin")).isEqualTo(WINDOW);
        assertThat(throttle.waitFor("2001:db8:0:2::a", "admin")).isZero();
    }

    @Test
    void namesAClientByItsAddressOrItsIpv6Network() {
        assertThat(SignInThrottle.clientOf("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(SignInThrottle.clientOf("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
        assertThat(SignInThrottle.clientOf("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(SignInThrottle.clientOf("[2001:db8::1]")).isEqualTo("2001:db8:0:0::/64");
        assertThat(SignInThrottle.clientOf("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(SignInThrottle.clientOf("2001:db8::1::2")).as("not an address").isEqualTo("2001:db8::1::2");
        assertThat(SignInThrottle.clientOf("x".repeat(500))).hasSize(64);
    }
}
