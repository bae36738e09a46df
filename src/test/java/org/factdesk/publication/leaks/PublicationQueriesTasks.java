package org.factdesk.publication.leaks;

import org.camunda.bpm.engine.TaskService;

/** A leak for ArchitectureLeaksTest: Camunda used outside review and identity. */
class PublicationQueriesTasks {

    long open(TaskService tasks) {
        return tasks.createTaskQuery().count();
    }
}
