package org.factdesk.claim;

import org.factdesk.article.CorrectionKind;
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

    @Test
    void eachVerdictPublishesOnlyItsOwnKindsOfUpdate() {
        assertThat(Verdicts.defaultKind(Verdict.ERROR_CONFIRMED)).isEqualTo(CorrectionKind.CORRECTION);
        assertThat(Verdicts.defaultKind(Verdict.CLARIFICATION_NEEDED)).isEqualTo(CorrectionKind.CLARIFICATION);
        assertThat(Verdicts.defaultKind(Verdict.NOT_AN_ERROR)).isNull();
        assertThatThrownBy(() -> Verdicts.check(CLAIM, Verdict.CLARIFICATION_NEEDED, CorrectionKind.RETRACTION, false,
                null, "Notice.", null)).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.type()).isEqualTo("invalid-kind"));
        assertThatThrownBy(() -> Verdicts.check(CLAIM, Verdict.NOT_AN_ERROR, CorrectionKind.CORRECTION, false, null,
                null, "Fine.")).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.type()).isEqualTo("invalid-kind"));
    }

    @Test
    void aSilentFixNeedsTheRoutingTablesLeaveButNoNotice() {
        assertThat(Verdicts.check(CLAIM, Verdict.ERROR_CONFIRMED, CorrectionKind.SILENT_FIX, true, null, null, null))
                .isEqualTo("Erbil base");
        assertThatThrownBy(() -> Verdicts.check(CLAIM, Verdict.ERROR_CONFIRMED, CorrectionKind.SILENT_FIX, false,
                null, null, null)).isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(422);
                    assertThat(problem.type()).isEqualTo(Verdicts.SILENT_FIX_NOT_ALLOWED);
                    assertThat(problem.getMessage()).contains("LOW TYPO", "CORRECTION");
                });
    }

    @Test
    void aRetractionNeedsItsNoticeButNoReplacement() {
        Claim noProposal = Claims.flagged("the Erbil vase was hit", "Erbil vase", null, "fiona");
        assertThat(Verdicts.check(noProposal, Verdict.ERROR_CONFIRMED, CorrectionKind.RETRACTION, false, null,
                "Retracted.", null)).isNull();
        assertRefused(() -> Verdicts.check(noProposal, Verdict.ERROR_CONFIRMED, CorrectionKind.RETRACTION, false,
                null, null, null), "notice");
    }

    @Test
    void anEditorMayNotChooseAKindTheVerificationCannotCarry() {
        Claim silent = Claims.verified(CLAIM, Verdict.ERROR_CONFIRMED, "fiona");
        Claim noNotice = new Claim(silent.id(), silent.articleId(), silent.revision(), silent.flag(),
                silent.replacement(), silent.state(), null,
                new Claim.Verification(Verdict.ERROR_CONFIRMED, "fiona", null, null), null, null, silent.updatedAt());

        assertThatThrownBy(() -> Verdicts.checkApproval(noNotice, CorrectionKind.CORRECTION, true))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo("invalid-kind");
                    assertThat(problem.getMessage()).contains("RETURN");
                });
        org.assertj.core.api.Assertions.assertThatNoException().isThrownBy(() ->
                Verdicts.checkApproval(silent, CorrectionKind.RETRACTION, false));
    }

    private static void assertRefused(Runnable check, String mentioning) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status().value()).isEqualTo(400);
            assertThat(problem.type()).isEqualTo("invalid-verdict");
            assertThat(problem.getMessage()).contains(mentioning);
        });
    }
}
