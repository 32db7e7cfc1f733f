/**
 * po-core: the fleet registry, project lifecycle and harness publishing. Callers see four
 * packages; {@code dev.po.git} and {@code dev.po.process} are how it works inside, not exported.
 */
module dev.po.core {
  requires com.fasterxml.jackson.core;
  requires org.eclipse.jgit;
  requires org.tomlj;
  requires zt.exec;

  exports dev.po;
  exports dev.po.fleet;
  exports dev.po.harness;
  exports dev.po.project;
}
