package vn.thidua.nomination;

import static vn.thidua.nomination.CityReviewVariables.APPROVE;
import static vn.thidua.nomination.CityReviewVariables.REJECT;
import static vn.thidua.nomination.CityReviewVariables.RETURN;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.thidua.award.Award;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.CouncilRule;
import vn.thidua.award.RecommendationOutcomes;
import vn.thidua.forms.FormValidationException;
import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.nomination.CityReviewRepository.Review;
import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;
import vn.thidua.web.Messages;

/**
 * The city's review of a ward's recommendation (issue 19), free of the engine. When the ward's chair
 * signed the request letter, the city's board reviews the recommendation (approve, return to the
 * ward with a reason, reject), the city's council votes on it in its session by the city's rule, and
 * the city's chair signs the decision in a batch (or, above the city, the city's request letter).
 * The answer goes to the ward's register row as the outcome the ward would otherwise type in, and
 * the ward is mailed. Every fact comes from the tables (nomination, register, this review), none from
 * a submission but the board's choice and reason. Serves {@link CityReviewProcess}.
 */
@Service
class CityReviews implements RecommendationOutcomes.Reviews {

	private static final Logger LOG = LoggerFactory.getLogger(CityReviews.class);

	/** The issuer of the awards the city decides itself (the catalogue's {@code issuer}). */
	static final String CITY_ISSUER = "CITY_UNION";

	static final int REASON_MAX = 2000;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final CityReviewRepository reviews;

	private final NominationRepository nominations;

	private final CouncilVoteRepository votes;

	private final AwardCatalogue catalogue;

	private final OrganisationDirectory directory;

	private final RecommendationOutcomes outcomes;

	private final Notifier notifier;

	private final CityReviewProperties properties;

	private final Clock clock;

	CityReviews(CityReviewRepository reviews, NominationRepository nominations, CouncilVoteRepository votes,
			AwardCatalogue catalogue, OrganisationDirectory directory, RecommendationOutcomes outcomes,
			Notifier notifier, CityReviewProperties properties, Clock clock) {
		this.reviews = reviews;
		this.nominations = nominations;
		this.votes = votes;
		this.catalogue = catalogue;
		this.directory = directory;
		this.outcomes = outcomes;
		this.notifier = notifier;
		this.properties = properties;
		this.clock = clock;
	}

	/** What the review's instance shows and routes by, all read from the tables. */
	record Opened(long reviewId, String cityCode, String cityName, String boardGroup, String chairGroup,
			String wardCode, String wardName, String nomineeName, String awardName, int periodYear, String issuer,
			String issuerName, boolean withinCity, String wardVotes, String letterNumber, String letterDate) {

		String subject() {
			return nomineeName + " – " + awardName + " – " + periodYear;
		}

	}

	/**
	 * Task_RecordRecommendation of the nomination: the city's review of this recommendation begins,
	 * when the organisation's city has officials (otherwise the outcome is entered as before).
	 *
	 * @param letterNumber the number of the ward's request letter (what the ward's chair signed)
	 */
	Optional<Opened> open(String nominationId, long awardId, String letterNumber, String letterDate) {
		Optional<Ward> city = directory.cityUnit();
		NominationRepository.Nomination n = nominations.nomination(nominationId).orElse(null);
		if (city.isEmpty() || n == null || directory.isCity(n.wardCode())) {
			return Optional.empty();
		}
		Award award = catalogue.find(n.awardCode()).orElseThrow();
		LocalDate date = parseOrNull(letterDate);
		long id = reviews.insert(nominationId, awardId, n.wardCode(), city.get().code(), n.awardCode(), letterNumber,
				date, LocalDateTime.now(clock));
		LOG.info("City review {} of nomination {} (ward {}, register row {}) opened", id, nominationId, n.wardCode(),
				awardId);
		return Optional.of(opened(reviews.review(id).orElseThrow()));
	}

	Opened opened(Review r) {
		Ward city = directory.unit(r.cityCode()).orElseThrow();
		NominationRepository.Nomination n = nominations.nomination(r.nominationId()).orElseThrow();
		Award award = catalogue.find(r.awardCode()).orElseThrow();
		String wardVotes = votes.lastTally(r.nominationId())
			.map(t -> Messages.get("city.review.votes", String.valueOf(t.agree()), String.valueOf(t.members())))
			.orElse("");
		return new Opened(r.id(), city.code(), city.name(), GroupIds.board(city.code()), GroupIds.chair(city.code()),
				r.wardCode(), wardName(r.wardCode()), n.nomineeName(), award.name(), n.periodYear(), award.issuer(),
				award.issuerName(), CITY_ISSUER.equals(award.issuer()), wardVotes, r.requestLetterNumber(),
				r.requestLetterDate() == null ? null : DAY.format(r.requestLetterDate()));
	}

	void attach(long reviewId, String processInstanceId) {
		reviews.attach(reviewId, processInstanceId);
	}

	/** Task_BoardReviewRecommendation (complete): approve, or return or reject with a reason. */
	void boardReviewed(long reviewId, String decision, String reason, String by) {
		if (!Set.of(APPROVE, RETURN, REJECT).contains(decision)) {
			throw new FormValidationException(CityReviewVariables.CITY_BOARD_DECISION.name(),
					Messages.get("city.review.decision.required"));
		}
		String text = reason == null || reason.isBlank() ? null : reason.strip();
		if (!APPROVE.equals(decision) && text == null) {
			throw new FormValidationException(CityReviewVariables.CITY_BOARD_REASON.name(),
					Messages.get(RETURN.equals(decision) ? "city.review.return.reason-required"
							: "city.review.reject.reason-required"));
		}
		if (text != null && text.length() > REASON_MAX) {
			throw new FormValidationException(CityReviewVariables.CITY_BOARD_REASON.name(),
					Messages.get("city.review.reason.too-long", String.valueOf(REASON_MAX)));
		}
		reviews.status(reviewId, APPROVE.equals(decision) ? CityReviewRepository.COUNCIL : CityReviewRepository.BOARD_REVIEW,
				text, by);
	}

	/**
	 * Task_NotifyWardReturned: the ward gets its recommendation back with the reason; the review ends.
	 * The register row answers «không khen thưởng» with the reason, and the nomination's achievement is
	 * freed, so that the ward can nominate again with the completed dossier.
	 */
	void returned(long reviewId) {
		Review r = reviews.review(reviewId).orElseThrow();
		String note = Messages.get("city.review.note.returned", cityName(r), r.reason());
		outcomes.record(r.awardId(), RecommendationOutcomes.NOT_GRANTED, null, null, note, r.decidedBy());
		nominations.finish(r.nominationId(), NominationRepository.CLOSED);
		reviews.end(reviewId, CityReviewRepository.RETURNED, null, null, null, null, LocalDateTime.now(clock));
		tellWard(r, Messages.get("city.review.result.returned"), r.reason(), null, null);
	}

	/** Task_RecordBoardRejected, Task_RecordCouncilRejected: the ward's register row answers «không khen thưởng». */
	void notGranted(long reviewId, boolean byCouncil) {
		Review r = reviews.review(reviewId).orElseThrow();
		String note;
		String reason;
		if (byCouncil) {
			var tally = votes.lastTally(r.nominationId()).orElseThrow();
			reason = Messages.get("city.review.votes", String.valueOf(tally.agree()), String.valueOf(tally.members()));
			note = Messages.get("city.review.note.council-rejected", cityName(r), reason);
		}
		else {
			reason = r.reason();
			note = Messages.get("city.review.note.board-rejected", cityName(r), reason);
		}
		// the council's answer is recorded under its chair's name (she signs its minutes)
		outcomes.record(r.awardId(), RecommendationOutcomes.NOT_GRANTED, null, null, note,
				byCouncil ? directory.unit(r.cityCode()).orElseThrow().council().chair() : r.decidedBy());
		reviews.end(reviewId, CityReviewRepository.REJECTED, reason, null, null, null, LocalDateTime.now(clock));
		tellWard(r, Messages.get(byCouncil ? "city.review.result.council-rejected" : "city.review.result.board-rejected"),
				reason, null, null);
	}

	/** Task_RecordCityDecision: the city's chair signed the decision; the ward's row answers «được khen thưởng». */
	void granted(long reviewId, String number, String date, String signer) {
		Review r = reviews.review(reviewId).orElseThrow();
		LocalDate decided = LocalDate.parse(date);
		outcomes.record(r.awardId(), RecommendationOutcomes.GRANTED, number, decided,
				Messages.get("city.review.note.granted", cityName(r)), signer);
		reviews.end(reviewId, CityReviewRepository.GRANTED, null, signer, number, decided, LocalDateTime.now(clock));
		tellWard(r, Messages.get("city.review.result.granted"), null, number, DAY.format(decided));
	}

	/**
	 * Task_RecordForwarded: above the city, its chair signed the city's request letter; the outcome of
	 * the higher level is entered on the ward's row as before.
	 */
	void forwarded(long reviewId, String number, String date, String signer) {
		Review r = reviews.review(reviewId).orElseThrow();
		LocalDate signed = LocalDate.parse(date);
		reviews.end(reviewId, CityReviewRepository.FORWARDED, null, signer, number, signed, LocalDateTime.now(clock));
		tellWard(r, Messages.get("city.review.result.forwarded", catalogue.find(r.awardCode()).map(Award::issuerName)
			.orElse(r.awardCode())), null, number, DAY.format(signed));
	}

	/**
	 * The ward's row is answered by the city's review, except above the city: once the city forwarded
	 * it, the higher level's answer is typed in as before.
	 */
	@Override
	public boolean answers(long awardId) {
		return reviews.ofAward(awardId).map(r -> !CityReviewRepository.FORWARDED.equals(r.status())).orElse(false);
	}

	/** The city council's rule for an award: {@code thidua.city-review.council-rules}, completed by the defaults. */
	CouncilRule councilRule(String awardCode, CouncilRule defaults) {
		CouncilRule rule = properties.councilRules().get(awardCode);
		return rule == null ? defaults : rule.orElse(defaults);
	}

	private void tellWard(Review r, String result, String reason, String number, String date) {
		Ward ward = directory.ward(r.wardCode()).orElseThrow();
		NominationRepository.Nomination n = nominations.nomination(r.nominationId()).orElseThrow();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("nomineeName", n.nomineeName());
		model.put("awardName", catalogue.find(n.awardCode()).map(Award::name).orElse(n.awardCode()));
		model.put("periodYear", n.periodYear());
		model.put("chapterName",
				directory.chapterByGroup(n.chapterGroup()).map(c -> c.chapter().name()).orElse(n.chapterGroup()));
		model.put("wardName", ward.name());
		model.put("cityName", cityName(r));
		model.put("result", result);
		model.put("reason", reason == null ? "" : reason);
		model.put("decisionNumber", number == null ? "" : number);
		model.put("decisionDate", date == null ? "" : date);
		model.put("requestLetterNumber", r.requestLetterNumber() == null ? "" : r.requestLetterNumber());
		model.put("awardId", r.awardId());
		Set<String> people = new LinkedHashSet<>();
		people.add(ward.chair());
		if (n.nominatedBy() != null) {
			people.add(n.nominatedBy());
		}
		notifier.send("city-review-result", new Recipients(people, Set.of(GroupIds.board(ward.code()), n.chapterGroup())),
				model);
	}

	private String cityName(Review r) {
		return directory.unit(r.cityCode()).map(Ward::name).orElse(r.cityCode());
	}

	private String wardName(String wardCode) {
		return directory.ward(wardCode).map(Ward::name).orElse(wardCode);
	}

	private static LocalDate parseOrNull(String date) {
		try {
			return date == null ? null : LocalDate.parse(date);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
