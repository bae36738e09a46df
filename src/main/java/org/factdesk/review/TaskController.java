package org.factdesk.review;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The task API: the caller's review queue, and claim, unclaim and complete. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final ReviewTaskService reviewTasks;

    TaskController(ReviewTaskService reviewTasks) {
        this.reviewTasks = reviewTasks;
    }

    @GetMapping
    List<ReviewTask> queue(Authentication caller) {
        return reviewTasks.queue(caller.getName());
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

    @PostMapping("/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody CompleteTaskRequest form,
            Authentication caller) {
        reviewTasks.complete(id, caller.getName(), form);
        return ResponseEntity.noContent().build();
    }
}
