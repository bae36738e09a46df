package org.factdesk.review;

import java.util.List;

import org.factdesk.shared.PageLinks;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The task API: the caller's review queue, a page at a time, claim, unclaim, assign to a colleague and complete, and the desks'
 * backlog.
 * The queue answers a JSON array as it always has; the page, the total and the links to the other pages travel in
 * headers ({@code X-Total-Count}, RFC 8288 {@code Link}).
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final ReviewTaskService reviewTasks;
    private final BacklogWatch backlog;

    TaskController(ReviewTaskService reviewTasks, BacklogWatch backlog) {
        this.reviewTasks = reviewTasks;
        this.backlog = backlog;
    }

    @GetMapping
    ResponseEntity<List<ReviewTask>> queue(QueueParameters parameters, Authentication caller) {
        QueueQuery query = parameters.toQuery();
        QueuePage page = reviewTasks.queue(caller.getName(), query);
        return ResponseEntity.ok().headers(PageLinks.of(page.page(), page.lastPage(), page.total()))
                .body(page.tasks());
    }

    /** Each desk's overdue tasks and whether its backlog alert is raised: for desk leads and admins. */
    @GetMapping("/backlog")
    List<DeskBacklog> backlog() {
        return backlog.desks();
    }

    @GetMapping("/{id}")
    ReviewTask get(@PathVariable String id, Authentication caller) {
        return reviewTasks.get(id, caller.getName());
    }

    @PostMapping("/{id}/claim")
    ReviewTask claim(@PathVariable String id, Authentication caller) {
        return reviewTasks.claim(id, caller.getName());
    }

    @PostMapping("/{id}/unclaim")
    ReviewTask unclaim(@PathVariable String id, Authentication caller) {
        return reviewTasks.unclaim(id, caller.getName());
    }

    /** Gives the task to a colleague: {@code {"assignee": "farid"}}, optionally with the {@code expectedHolder}. */
    @PostMapping("/{id}/assign")
    ReviewTask assign(@PathVariable String id, @RequestBody AssignTaskRequest request, Authentication caller) {
        return reviewTasks.assign(id, caller.getName(), request);
    }

    @PostMapping("/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody CompleteTaskRequest form,
            Authentication caller) {
        reviewTasks.complete(id, caller.getName(), form);
        return ResponseEntity.noContent().build();
    }
}
