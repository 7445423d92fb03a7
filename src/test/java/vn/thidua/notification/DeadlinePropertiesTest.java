package vn.thidua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.thidua.calendar.WorkingDays;

/** Task due dates in working days or on the calendar, and the start-up check naming the setting. */
class DeadlinePropertiesTest {

	@Test
	void shouldGiveADueDateInWorkingDaysForTheTasksThatSaySo() {
		// given: Task_BoardReview 5 working days, every other task P7D; a task created on Friday 04/12/2026 10:00
		DeadlineProperties deadlines = new DeadlineProperties("P7D", Map.of("Task_BoardReview", "5 working days"),
				Duration.ofDays(2), "{wardCode}-chair", Duration.ofMinutes(15));
		Instant created = ZonedDateTime.of(2026, 12, 4, 10, 0, 0, 0, WorkingDays.VIETNAM).toInstant();

		// when / then
		assertThat(deadlines.windowOf("Task_BoardReview").end(created, WorkingDays.weekendsOnly()))
			.isEqualTo(ZonedDateTime.of(2026, 12, 11, 23, 59, 59, 0, WorkingDays.VIETNAM).toInstant());
		assertThat(deadlines.windowOf("Task_CompleteDossier").end(created, WorkingDays.weekendsOnly()))
			.isEqualTo(created.plus(Duration.ofDays(7)));
	}

	@Test
	void shouldRefuseToStartWithAnUnreadableDueDateNamingTheSetting() {
		assertThatThrownBy(() -> new DeadlineProperties("P7D", Map.of("Task_BoardReview", "5 days"), Duration.ofDays(2),
				"{wardCode}-chair", Duration.ofMinutes(15)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("thidua.deadlines.tasks.Task_BoardReview phải là khoảng thời gian ISO-8601");
	}

}
