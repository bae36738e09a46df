package org.factdesk.testing;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * The Camunda engine the process tests run the models on: in-memory H2, full history, no job executor (a test runs
 * each job itself), and beans from Camunda's mocks, so that a test registers the listeners and delegates it watches.
 */
public final class ProcessTestEngines {

    private ProcessTestEngines() {
    }

    /** A new engine of its own name and database, so that process test classes never share state. */
    public static ProcessEngine inMemory(String name) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        // Metrics would leave rows behind that the clean-database check after each test reports.
        configuration.setMetricsEnabled(false);
        configuration.setTaskMetricsEnabled(false);
        configuration.setExpressionManager(new MockExpressionManager());
        return configuration.buildProcessEngine();
    }
}
