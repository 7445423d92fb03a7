package vn.thidua.process;

/**
 * Variables every process sets, so that Tasklist's filters, mails and authorization read them the
 * same way whatever the process: the ward and chapter it concerns and a one-line subject.
 */
public final class ProcessVariables {

	/** Ward code from the organisation file, e.g. {@code bode}. */
	public static final String WARD_CODE = "wardCode";

	/** Chapter group id ({@code <ward>-<chapter>}), e.g. {@code bode-ch01}. */
	public static final String CHAPTER_GROUP = "chapterGroup";

	/** Chapter display name, shown as a column in Tasklist's filters. */
	public static final String CHAPTER_NAME = "chapterName";

	/** One line saying what the instance is about, shown in Tasklist and in mail subjects. */
	public static final String SUBJECT = "subject";

	/** Login of the person who started the instance. */
	public static final String INITIATOR = "initiator";

	private ProcessVariables() {
	}

}
