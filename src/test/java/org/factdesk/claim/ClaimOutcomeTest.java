package org.factdesk.claim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimOutcomeTest {

    @Test
    void aPublishedClaimWasCorrectedOrClarifiedByItsVerdict() {
        assertThat(ClaimOutcome.of(ClaimState.PUBLISHED, Verdict.ERROR_CONFIRMED)).isEqualTo(ClaimOutcome.CORRECTED);
        assertThat(ClaimOutcome.of(ClaimState.PUBLISHED, Verdict.CLARIFICATION_NEEDED))
                .isEqualTo(ClaimOutcome.CLARIFIED);
    }

    @Test
    void everyStateHasAnOutcomeAndOnlyOpenStatesAreOpen() {
        for (ClaimState state : ClaimState.values()) {
            ClaimOutcome outcome = ClaimOutcome.of(state, null);
            assertThat(outcome == ClaimOutcome.OPEN).as(state.name()).isEqualTo(state.isOpen());
        }
        assertThat(ClaimOutcome.of(ClaimState.CANCELLED, null)).isEqualTo(ClaimOutcome.CANCELLED);
        assertThat(ClaimOutcome.of(ClaimState.DISMISSED, Verdict.ERROR_CONFIRMED)).isEqualTo(ClaimOutcome.DISMISSED);
    }
}
