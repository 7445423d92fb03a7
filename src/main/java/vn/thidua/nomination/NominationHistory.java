package vn.thidua.nomination;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.thidua.award.NomineeNames;
import vn.thidua.web.Messages;

/**
 * The nominations as the pages read them (a person's history in the register, the statistics):
 * every CommendationNomination with its nominee, chapter, award, year and outcome, from the
 * nominations table. The caller has decided which wards and chapters the reader may see.
 */
@Component
public class NominationHistory {

	private final NominationRepository nominations;

	NominationHistory(NominationRepository nominations) {
		this.nominations = nominations;
	}

	/**
	 * @param status ACTIVE, AWARDED, RECOMMENDED, REJECTED or CLOSED
	 */
	public record Entry(String processInstanceId, String wardCode, String chapterGroup, String nomineeType,
			String nomineeName, String awardCode, int periodYear, String status, LocalDateTime createdAt,
			LocalDateTime updatedAt) {

		public String statusLabel() {
			return NominationHistory.statusLabel(status);
		}

	}

	/** The nominations of the given wards and chapters, newest first. */
	public List<Entry> of(Collection<String> wards, Collection<String> chapters) {
		return nominations.summaries(wards, chapters, null)
			.stream()
			.map(NominationHistory::entry)
			.toList();
	}

	/**
	 * One person's nominations, newest first: those of {@code chapterGroup} (within the given wards
	 * and chapters) whose nominee's name is {@link #normalisedName} alike, read by the folded name.
	 */
	public List<Entry> ofPerson(Collection<String> wards, Collection<String> chapters, String chapterGroup,
			String name) {
		String key = normalisedName(name);
		return nominations.summariesOfFoldedName(wards, chapters, chapterGroup, NomineeNames.folded(name))
			.stream()
			.filter(s -> normalisedName(s.nomineeName()).equals(key))
			.map(NominationHistory::entry)
			.toList();
	}

	private static Entry entry(NominationRepository.Summary s) {
		return new Entry(s.processInstanceId(), s.wardCode(), s.chapterGroup(), s.nomineeType(), s.nomineeName(),
				s.awardCode(), s.periodYear(), s.status(), s.createdAt(), s.updatedAt());
	}

	/** The name as {@link NomineeNames} compares it: with the chapter, it identifies a person. */
	public static String normalisedName(String name) {
		return NomineeNames.comparable(name);
	}

	public static String statusLabel(String status) {
		return switch (status == null ? "" : status) {
			case NominationRepository.ACTIVE -> Messages.get("nomination.status.active");
			case NominationRepository.AWARDED -> Messages.get("nomination.status.awarded");
			case NominationRepository.RECOMMENDED -> Messages.get("nomination.status.recommended");
			case NominationRepository.REJECTED -> Messages.get("nomination.status.rejected");
			case NominationRepository.CLOSED -> Messages.get("nomination.status.closed");
			default -> status;
		};
	}

}
