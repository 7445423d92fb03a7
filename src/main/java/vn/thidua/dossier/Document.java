package vn.thidua.dossier;

import java.time.LocalDateTime;

/**
 * One version of one document of a nomination's dossier, as {@code GET …/documents} lists it.
 *
 * @param current whether it is the latest version of its kind
 */
record Document(long id, String processInstanceId, String kind, String kindLabel, int version, boolean current,
		String fileName, String mediaType, long size, String sha256, String addedBy, LocalDateTime addedAt) {

	Document withCurrent(boolean latest, String label) {
		return new Document(id, processInstanceId, kind, label, version, latest, fileName, mediaType, size, sha256,
				addedBy, addedAt);
	}

}
