package org.factdesk.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrectionNoticeTest {

    private static final CorrectionNotice NOTICE = new CorrectionNotice(CorrectionKind.CLARIFICATION,
            "8 January 2020, 08:34 GMT", "The attack came at 1:30 a.m. local time: 5:30 p.m. in Washington.");

    @Test
    void isWrittenAsItsHeadingAndItsText() {
        assertThat(NOTICE.heading()).isEqualTo("Clarification, 8 January 2020, 08:34 GMT");
        assertThat(NOTICE.full()).isEqualTo("Clarification, 8 January 2020, 08:34 GMT: The attack came at 1:30 a.m. "
                + "local time: 5:30 p.m. in Washington.");
    }

    @Test
    void theApiShowsTheWholeNoticeAsOneString() throws Exception {
        assertThat(new ObjectMapper().writeValueAsString(NOTICE)).isEqualTo("\"" + NOTICE.full() + "\"");
    }
}
