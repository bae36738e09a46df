package org.factdesk.claim;

import org.factdesk.article.CorrectionKind;

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
    void aPublishedClaimHasTheOutcomeOfTheKindOfUpdateChosen() {
        assertThat(ClaimOutcome.of(ClaimState.PUBLISHED, Verdict.ERROR_CONFIRMED, CorrectionKind.SILENT_FIX))
                .isEqualTo(ClaimOutcome.SILENTLY_FIXED);
        assertThat(ClaimOutcome.of(ClaimState.PUBLISHED, Verdict.ERROR_CONFIRMED, CorrectionKind.RETRACTION))
                .isEqualTo(ClaimOutcome.RETRACTED);
        assertThat(ClaimOutcome.of(ClaimState.PUBLISHED, Verdict.CLARIFICATION_NEEDED, CorrectionKind.EDITORS_NOTE))
                .isEqualTo(ClaimOutcome.NOTED);
        assertThat(ClaimOutcome.of(ClaimState.BLOCKED, Verdict.ERROR_CONFIRMED, CorrectionKind.CORRECTION))
                .isEqualTo(ClaimOutcome.BLOCKED);
        for (CorrectionKind kind : CorrectionKind.values()) {
            assertThat(ClaimOutcome.published(kind)).as(kind.name()).isNotIn(ClaimOutcome.OPEN, ClaimOutcome.DISMISSED);
        }
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
