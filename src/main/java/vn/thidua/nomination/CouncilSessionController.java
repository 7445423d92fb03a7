package vn.thidua.nomination;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * {@code POST /api/council-sessions/{processInstanceId}/written-opinions}: the council's chair enters
 * the written opinion of an absent member ({@code member}, and {@code ballot}: one row per candidate
 * in the order of the ballot sheet, each {@code vote} agree/disagree and an optional
 * {@code voteComment}). The member's ballot task completes with it, marked as written.
 */
@RestController
@RequestMapping("/api/council-sessions")
class CouncilSessionController {

	private final CouncilSessionProcess sessions;

	CouncilSessionController(CouncilSessionProcess sessions) {
		this.sessions = sessions;
	}

	record WrittenOpinion(String member, List<Map<String, Object>> ballot) {
	}

	@PostMapping("/{processInstanceId}/written-opinions")
	ResponseEntity<Void> writtenOpinion(@PathVariable String processInstanceId,
			@RequestBody(required = false) WrittenOpinion opinion) {
		if (opinion == null || opinion.member() == null || opinion.member().isBlank()) {
			throw Refusal.badRequest("member", Messages.get("council.written.member-required"));
		}
		sessions.enterWrittenOpinion(processInstanceId, opinion.member().strip(), opinion.ballot());
		return ResponseEntity.noContent().build();
	}

}
