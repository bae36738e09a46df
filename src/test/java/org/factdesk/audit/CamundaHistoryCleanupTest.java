package org.factdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.factdesk.testing.FactDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda's history does not grow for ever: every deployed model has a time to live and the engine schedules its
 * cleanup job in the nightly window. FactDesk's own audit log is a separate table the cleanup never touches.
 */
@FactDeskTest
class CamundaHistoryCleanupTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Test
    void theEngineCleansItsHistoryInTheNightlyWindow() {
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(engine.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(engine.isHistoryCleanupEnabled()).isTrue();
        assertThat(history.findHistoryCleanupJobs()).as("the cleanup job is scheduled").isNotEmpty();
    }

    @Test
    void everyDeployedModelHasATimeToLive() {
        assertThat(repository.createProcessDefinitionQuery().list())
                .isNotEmpty()
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isPositive());
        assertThat(repository.createDecisionDefinitionQuery().list())
                .isNotEmpty()
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isPositive());
    }
}
