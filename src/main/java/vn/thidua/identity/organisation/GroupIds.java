package vn.thidua.identity.organisation;

/**
 * The one place that names Camunda groups. Processes use these ids as candidate groups, so a group
 * id is part of the contract between the organisation file, the BPMN models and the authorizations.
 */
public final class GroupIds {

	/** Camunda's administrators group (all permissions, Cockpit and Admin). */
	public static final String ADMINS = "camunda-admin";

	/** Group type that marks the groups this application manages. */
	public static final String MANAGED_TYPE = "thidua";

	private GroupIds() {
	}

	public static String ward(String wardCode) {
		return wardCode;
	}

	public static String chair(String wardCode) {
		return wardCode + "-chair";
	}

	public static String board(String wardCode) {
		return wardCode + "-board";
	}

	public static String council(String wardCode) {
		return wardCode + "-council";
	}

	public static String chapter(String wardCode, String chapterCode) {
		return wardCode + "-" + chapterCode;
	}

	public static String partyCell(String wardCode, String chapterCode) {
		return wardCode + "-" + chapterCode + "-cell";
	}

}
