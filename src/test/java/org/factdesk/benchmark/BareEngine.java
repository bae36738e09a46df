package org.factdesk.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The yardstick: a bare Camunda 7.24 engine in this JVM (standalone configuration, full history, the same id generator
 * as FactDesk's Spring Boot starter, no authorization checks), running start, two claimed-and-completed user tasks
 * and a service task, called directly through its services.
 */
final class BareEngine implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final AtomicLong KEYS = new AtomicLong();

    private final ProcessEngine engine;

    private BareEngine(String driver, String url, String user, String password) {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setJdbcDriver(driver).setJdbcUrl(url).setJdbcUsername(user).setJdbcPassword(password)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .setProcessEngineName("bare" + NAMES.incrementAndGet());
        config.setIdGenerator(new StrongUuidGenerator());
        config.setJdbcMaxActiveConnections(10);
        engine = config.buildProcessEngine();
        BpmnModelInstance model = Bpmn.createExecutableProcess("BareLifecycle").camundaHistoryTimeToLive(180)
                .startEvent()
                .userTask("Task_Verify").camundaCandidateGroups("fact-checkers")
                .userTask("Task_Approve").camundaCandidateGroups("editors")
                .serviceTask("Task_Publish").camundaExpression("${execution.setVariable('published', true)}")
                .endEvent()
                .done();
        engine.getRepositoryService().createDeployment().addModelInstance("BareLifecycle.bpmn", model)
                .enableDuplicateFiltering(true).deploy();
    }

    /** On an H2 file with FactDesk's own URL options (commit written before it returns, 10 s lock timeout). */
    static BareEngine h2(java.nio.file.Path dir) {
        return new BareEngine("org.h2.Driver", "jdbc:h2:file:" + dir.toAbsolutePath()
                + "/bare;" + Bench.H2_OPTIONS, "sa", "");
    }

    static BareEngine postgres(String url) {
        return new BareEngine("org.postgresql.Driver", url, "postgres", "postgres");
    }

    /** One lifecycle, as FactDesk's review: five start variables, claim and complete twice, then the service task. */
    void lifecycle() {
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        long key = KEYS.incrementAndGet();
        String instance = runtime.startProcessInstanceByKey("BareLifecycle", Long.toString(key), Map.of(
                "claimId", key, "articleId", 1L, "category", "TYPO", "severity", "LOW", "flaggedBy", "fiona")).getId();
        Task verify = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        tasks.claim(verify.getId(), "farid");
        tasks.complete(verify.getId(), Map.of("verdict", "ERROR_CONFIRMED", "notice", "An earlier version erred.",
                "verifiedBy", "farid"));
        Task approve = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        tasks.claim(approve.getId(), "edith");
        tasks.complete(approve.getId(), Map.of("decision", "APPROVE", "approvedBy", "edith"));
    }

    /** CPU milliseconds the lifecycles' threads used per lifecycle in the last run (no job executor runs here). */
    double cpuMillisPerLifecycle = Double.NaN;

    /** Lifecycles per second with {@code threads} threads for {@code seconds}. */
    double rate(int threads, int seconds) throws InterruptedException {
        for (int i = 0; i < 30; i++) {
            lifecycle();
        }
        AtomicInteger done = new AtomicInteger();
        AtomicLong cpu = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                while (System.nanoTime() < end) {
                    lifecycle();
                    done.incrementAndGet();
                }
                cpu.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                        - cpu0);
            }, "bare-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        cpuMillisPerLifecycle = cpu.get() / 1e6 / Math.max(1, done.get());
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
        engine.close();
    }
}
