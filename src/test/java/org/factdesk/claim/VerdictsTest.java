package org.factdesk.claim;

import org.factdesk.shared.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerdictsTest {

    private static final Claim CLAIM = Claims.flagged("the Erbil vase was hit", "Erbil vase", "Erbil base", "fiona");

    @Test
    void aConfirmedErrorPublishesTheProposedReplacementUnlessTheVerifierGivesAnother() {
        assertThat(Verdicts.check(CLAIM, Verdict.ERROR_CONFIRMED, null, "Notice.", null)).isEqualTo("Erbil base");
        assertThat(Verdicts.check(CLAIM, Verdict.ERROR_CONFIRMED, "Erbil air base", "Notice.", null))
                .isEqualTo("Erbil air base");
    }

    @Test
    void refusesAConfirmedErrorWithoutCorrectedTextOrNotice() {
        Claim noProposal = Claims.flagged("the Erbil vase was hit", "Erbil vase", null, "fiona");
        assertRefused(() -> Verdicts.check(noProposal, Verdict.ERROR_CONFIRMED, null, "Notice.", null), "replacement");
        assertRefused(() -> Verdicts.check(CLAIM, Verdict.ERROR_CONFIRMED, null, null, null), "notice");
        assertRefused(() -> Verdicts.check(CLAIM, Verdict.ERROR_CONFIRMED, "Erbil vase", "Notice.", null),
                "same as the quote");
    }

    @Test
    void aClarificationNeedsItsNoticeAndNotAnErrorItsReason() {
        assertRefused(() -> Verdicts.check(CLAIM, Verdict.CLARIFICATION_NEEDED, null, null, null), "notice");
        assertRefused(() -> Verdicts.check(CLAIM, Verdict.NOT_AN_ERROR, null, null, null), "reason");
        assertThat(Verdicts.check(CLAIM, Verdict.NOT_AN_ERROR, null, null, "It was a vase.")).isNull();
    }

    private static void assertRefused(Runnable check, String mentioning) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status().value()).isEqualTo(400);
            assertThat(problem.type()).isEqualTo("invalid-verdict");
            assertThat(problem.getMessage()).contains(mentioning);
        });
    }
}
