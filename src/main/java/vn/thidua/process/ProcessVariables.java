package vn.thidua.process;

/**
 * Variables every process sets, so that Tasklist's filters, mails and authorization read them the
 * same way whatever the process: the ward and chapter it concerns and a one-line subject. Names
 * several processes share (the board's group, the chair) are declared here once too.
 */
public final class ProcessVariables {

	/** Ward code from the organisation file, e.g. {@code bode}. */
	public static final Variable<String> WARD_CODE = Variable.text("wardCode");

	/** Chapter group id ({@code <ward>-<chapter>}), e.g. {@code bode-ch01}. */
	public static final Variable<String> CHAPTER_GROUP = Variable.text("chapterGroup");

	/** Chapter display name, shown as a column in Tasklist's filters. */
	public static final Variable<String> CHAPTER_NAME = Variable.text("chapterName");

	/** One line saying what the instance is about, shown in Tasklist and in mail subjects. */
	public static final Variable<String> SUBJECT = Variable.text("subject");

	/** Login of the person who started the instance. */
	public static final Variable<String> INITIATOR = Variable.text("initiator");

	/** The ward's board (Ban Thường vụ) group, e.g. {@code bode-board}. */
	public static final Variable<String> BOARD_GROUP = Variable.text("boardGroup");

	/** The ward's chair group, e.g. {@code bode-chair}. */
	public static final Variable<String> CHAIR_GROUP = Variable.text("chairGroup");

	private ProcessVariables() {
	}

}
