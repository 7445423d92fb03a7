package vn.thidua.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's SQL is MyBatis dynamic SQL: every query (a task list page, its count, each
 * authorization check) evaluates a few hundred OGNL {@code test="…"} expressions over the query
 * object. Where an expression names a field that has no getter (Camunda's mappings read fields such as
 * {@code query.isOrQueryActive} or {@code isTenantIdSet}, or name a method such as
 * {@code isOrQueryActive()} as a property), MyBatis's OGNL looks for the getter in its cache, does not
 * find it, and then scans every public method of the class for a "read method" of that name,
 * lower-casing each name four times, before it falls back to the field: that scan is not cached, and {@code TaskQueryImpl} has 310 public methods. It was 15 % of the CPU of a Tasklist
 * page (flight recording of the benchmark, issue 22).
 * <p>
 * This accessor answers the same property the same way, remembering per class and name what OGNL's
 * scan finds (the read method, or none: then the field), so that the scan runs once per class and
 * name. Properties that have a getter go through OGNL's own code unchanged. Installed for every object class
 * before the engine runs its first statement; MyBatis's OGNL is private to MyBatis (its own package), so
 * nothing else in the application is affected. {@code thidua.engine.ognl-lookup-cache=false} makes it
 * answer every property through OGNL's own code (the benchmark's "before", measurable in the same JVM).
 */
@Component
public class OgnlFieldLookupPlugin extends AbstractProcessEnginePlugin {

	/** One for the JVM: OGNL's accessors are static, shared by every engine of the JVM. */
	private static final FieldLookupCache ACCESSOR = new FieldLookupCache();

	private final boolean remember;

	public OgnlFieldLookupPlugin(@Value("${thidua.engine.ognl-lookup-cache:true}") boolean remember) {
		this.remember = remember;
	}

	/**
	 * Before the engine's first statement: OGNL remembers the accessor it found for each class, so a
	 * class read before this would keep the old one (harmless, only slower).
	 */
	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		ACCESSOR.remember = remember;
		OgnlRuntime.setPropertyAccessor(Object.class, ACCESSOR);
	}

	/** OGNL's object accessor, with its lookups of read methods and fields remembered. */
	static final class FieldLookupCache extends ObjectPropertyAccessor {

		/** How a property of a class is read when it has no getter: a read method, or else the field. */
		record Lookup(Method readMethod) {
		}

		/** A property with a getter: OGNL's own lookup is cached, nothing to remember. */
		private static final Lookup GETTER = new Lookup(null);

		/** Off: every property is read by OGNL's own code (set before the engine's first statement). */
		volatile boolean remember = true;

		/** Per class, the lookups of its properties by name. */
		private final ClassValue<Map<String, Lookup>> lookups = new ClassValue<>() {

			@Override
			protected Map<String, Lookup> computeValue(Class<?> type) {
				return new ConcurrentHashMap<>();
			}

		};

		/**
		 * As {@link ObjectPropertyAccessor#getPossibleProperty} and OGNL's {@code getMethodValue}: the
		 * getter, else the read method, if accessible, else the field; only the lookup is remembered.
		 */
		@Override
		public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
			Lookup lookup = target == null || !remember ? GETTER : lookup(target.getClass(), name);
			if (lookup == GETTER) {
				return super.getPossibleProperty(context, target, name);
			}
			try {
				Method read = lookup.readMethod();
				if (read != null && context.getMemberAccess().isAccessible(context, target, read, name)) {
					return OgnlRuntime.invokeMethod(target, read, OgnlRuntime.NoArguments);
				}
				return OgnlRuntime.getFieldValue(context, target, name, true);
			}
			catch (InvocationTargetException ex) {
				throw new OgnlException(name, ex.getTargetException());
			}
			catch (Exception ex) {
				throw new OgnlException(name, ex);
			}
		}

		Lookup lookup(Class<?> type, String name) {
			return lookups.get(type).computeIfAbsent(name, n -> OgnlRuntime.getGetMethod(type, n) != null ? GETTER
					: new Lookup(OgnlRuntime.getReadMethod(type, n, null)));
		}

		/** Whether the property has neither getter nor read method: read from the field. */
		boolean isFieldOnly(Class<?> type, String name) {
			Lookup lookup = lookup(type, name);
			return lookup != GETTER && lookup.readMethod() == null;
		}

	}

}
