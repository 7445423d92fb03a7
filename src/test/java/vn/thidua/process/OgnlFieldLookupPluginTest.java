package vn.thidua.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.apache.ibatis.ognl.MemberAccess;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.Ognl;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.scripting.xmltags.OgnlCache;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.junit.jupiter.api.Test;

/**
 * {@link OgnlFieldLookupPlugin}: every property of the engine's query objects reads the same with the
 * remembering accessor as with OGNL's own, and a field without getter is known as such after the first
 * lookup.
 */
class OgnlFieldLookupPluginTest {

	@Test
	void everyFieldOfATaskQueryReadsAsOgnlReadsIt() throws Exception {
		TaskQueryImpl query = new TaskQueryImpl();
		query.taskCandidateGroupIn(List.of("bode", "bode-ch01")).includeAssignedTasks().withoutTenantId().or()
			.taskName("Bổ sung").endOr();
		compareEveryField(query);
		AuthorizationCheck check = new AuthorizationCheck("head1", List.of("bode"), null, true);
		compareEveryField(check);
	}

	@Test
	void aPropertyWithoutGetterIsReadByItsReadMethodOrItsFieldAndTheLookupRemembered() throws Exception {
		OgnlFieldLookupPlugin.FieldLookupCache accessor = new OgnlFieldLookupPlugin.FieldLookupCache();
		Sample sample = new Sample();
		assertThat(accessor.getPossibleProperty(context(sample), sample, "name")).isEqualTo("Lan");
		assertThat(accessor.lookup(Sample.class, "name").readMethod()).isNull();
		assertThat(accessor.isFieldOnly(Sample.class, "name")).isFalse();
		// Task.xml's query.isOrQueryActive: no getter of that name, a method isOrQueryActive()
		assertThat(accessor.getPossibleProperty(context(sample), sample, "isActive")).isEqualTo(false);
		assertThat(accessor.lookup(Sample.class, "isActive").readMethod().getName()).isEqualTo("isActive");
		assertThat(accessor.isFieldOnly(Sample.class, "isActive")).isFalse();
		// a field and nothing else
		assertThat(accessor.getPossibleProperty(context(sample), sample, "note")).isEqualTo("ghi chú");
		assertThat(accessor.isFieldOnly(Sample.class, "note")).isTrue();
		assertThat(accessor.getPossibleProperty(context(sample), sample, "note")).isEqualTo("ghi chú");
		assertThat(accessor.lookup(TaskQueryImpl.class, "isOrQueryActive").readMethod().getName())
			.isEqualTo("isOrQueryActive");
		// switched off: OGNL's own code, the same values
		accessor.remember = false;
		assertThat(accessor.getPossibleProperty(context(sample), sample, "note")).isEqualTo("ghi chú");
		assertThat(accessor.getPossibleProperty(context(sample), sample, "isActive")).isEqualTo(false);
	}

	/** A getter property, a read method named as its field, a field without method. */
	static final class Sample {

		private final String name = "Lan";

		private final boolean isActive = false;

		@SuppressWarnings("unused")
		private final String note = "ghi chú";

		public String getName() {
			return name;
		}

		public boolean isActive() {
			return isActive;
		}

	}

	@Test
	void theEngineInstallsItForMyBatisExpressions() throws Exception {
		new OgnlFieldLookupPlugin(true).preInit(null);
		assertThat(OgnlRuntime.getPropertyAccessor(Object.class)).isInstanceOf(OgnlFieldLookupPlugin.FieldLookupCache.class);
		TaskQueryImpl query = new TaskQueryImpl();
		query.withoutTenantId();
		// as MyBatis evaluates a test="…" of the task mapping
		assertThat(OgnlCache.getValue("query.isWithoutTenantId && !query.isOrQueryActive",
				java.util.Map.of("query", query))).isEqualTo(true);
	}

	private static void compareEveryField(Object target) throws Exception {
		OgnlFieldLookupPlugin.FieldLookupCache remembering = new OgnlFieldLookupPlugin.FieldLookupCache();
		ObjectPropertyAccessor plain = new ObjectPropertyAccessor();
		List<String> names = new ArrayList<>();
		for (Class<?> type = target.getClass(); type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers())) {
					names.add(field.getName());
				}
			}
		}
		assertThat(names).hasSizeGreaterThan(5);
		int fieldOnly = 0;
		int remembered = 0;
		for (String name : names) {
			Object expected = read(plain, target, name);
			// twice: the first lookup and the remembered one
			assertThat(read(remembering, target, name)).as(name).isEqualTo(expected);
			assertThat(read(remembering, target, name)).as(name).isEqualTo(expected);
			fieldOnly += remembering.isFieldOnly(target.getClass(), name) ? 1 : 0;
			remembered += remembering.lookup(target.getClass(), name).readMethod() != null ? 1 : 0;
		}
		assertThat(fieldOnly + remembered).as("properties of " + target.getClass() + " without getter").isPositive();
	}

	/** The property's value, or the class of what reading it threw (a getter that needs a command context). */
	private static Object read(ObjectPropertyAccessor accessor, Object target, String name) {
		try {
			return accessor.getPossibleProperty(context(target), target, name);
		}
		catch (Exception | Error ex) {
			return ex.getClass();
		}
	}

	/** A context as MyBatis makes one: members made accessible when read. */
	private static OgnlContext context(Object root) {
		return Ognl.createDefaultContext(root, new MemberAccess() {

			@Override
			public Object setup(OgnlContext context, Object target, Member member, String propertyName) {
				((AccessibleObject) member).setAccessible(true);
				return null;
			}

			@Override
			public void restore(OgnlContext context, Object target, Member member, String propertyName, Object state) {
				// left accessible, as MyBatis leaves it
			}

			@Override
			public boolean isAccessible(OgnlContext context, Object target, Member member, String propertyName) {
				return true;
			}

		});
	}

}
