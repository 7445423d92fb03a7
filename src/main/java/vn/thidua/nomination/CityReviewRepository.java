package vn.thidua.nomination;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code thidua_city_review}: one row per recommendation the city reviews (migration V20). */
@Repository
class CityReviewRepository {

	static final String BOARD_REVIEW = "BOARD_REVIEW";

	static final String COUNCIL = "COUNCIL";

	static final String DECISION = "DECISION";

	static final String RETURNED = "RETURNED";

	static final String REJECTED = "REJECTED";

	static final String GRANTED = "GRANTED";

	static final String FORWARDED = "FORWARDED";

	private final JdbcClient jdbc;

	CityReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Review(long id, String processInstanceId, String nominationId, long awardId, String wardCode,
			String cityCode, String awardCode, String requestLetterNumber, LocalDate requestLetterDate, String status,
			String reason, String decidedBy, String decisionNumber, LocalDate decisionDate) {
	}

	long insert(String nominationId, long awardId, String wardCode, String cityCode, String awardCode,
			String letterNumber, LocalDate letterDate, LocalDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO thidua_city_review (nomination_id, award_id, ward_code, city_code, award_code,
				  request_letter_number, request_letter_date, status, started_at)
				VALUES (:nomination, :award, :ward, :city, :awardCode, :number, :date, :status, :now)""")
			.param("nomination", nominationId)
			.param("award", awardId)
			.param("ward", wardCode)
			.param("city", cityCode)
			.param("awardCode", awardCode)
			.param("number", letterNumber)
			.param("date", letterDate == null ? null : Date.valueOf(letterDate))
			.param("status", BOARD_REVIEW)
			.param("now", Timestamp.valueOf(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void attach(long id, String processInstanceId) {
		jdbc.sql("UPDATE thidua_city_review SET process_instance_id = :pid WHERE id = :id")
			.param("pid", processInstanceId)
			.param("id", id)
			.update();
	}

	void status(long id, String status, String reason, String by) {
		jdbc.sql("UPDATE thidua_city_review SET status = :status, reason = COALESCE(:reason, reason),"
				+ " decided_by = COALESCE(:by, decided_by) WHERE id = :id")
			.param("status", status)
			.param("reason", reason)
			.param("by", by)
			.param("id", id)
			.update();
	}

	void end(long id, String status, String reason, String by, String number, LocalDate date, LocalDateTime now) {
		jdbc.sql("""
				UPDATE thidua_city_review SET status = :status, reason = COALESCE(:reason, reason),
				  decided_by = COALESCE(:by, decided_by), decision_number = :number, decision_date = :date, ended_at = :now
				WHERE id = :id""")
			.param("status", status)
			.param("reason", reason)
			.param("by", by)
			.param("number", number)
			.param("date", date == null ? null : Date.valueOf(date))
			.param("now", Timestamp.valueOf(now))
			.param("id", id)
			.update();
	}

	Optional<Review> review(long id) {
		return jdbc.sql("SELECT * FROM thidua_city_review WHERE id = :id").param("id", id).query(CityReviewRepository::row)
			.optional();
	}

	Optional<Review> ofAward(long awardId) {
		return jdbc.sql("SELECT * FROM thidua_city_review WHERE award_id = :a").param("a", awardId)
			.query(CityReviewRepository::row)
			.optional();
	}

	List<Review> ofNomination(String nominationId) {
		return jdbc.sql("SELECT * FROM thidua_city_review WHERE nomination_id = :n ORDER BY id")
			.param("n", nominationId)
			.query(CityReviewRepository::row)
			.list();
	}

	private static Review row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Date letter = rs.getDate("request_letter_date");
		Date decided = rs.getDate("decision_date");
		return new Review(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("nomination_id"),
				rs.getLong("award_id"), rs.getString("ward_code"), rs.getString("city_code"), rs.getString("award_code"),
				rs.getString("request_letter_number"), letter == null ? null : letter.toLocalDate(),
				rs.getString("status"), rs.getString("reason"), rs.getString("decided_by"),
				rs.getString("decision_number"), decided == null ? null : decided.toLocalDate());
	}

}
