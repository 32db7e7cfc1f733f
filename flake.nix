{
  description = "project-orchestrator: manages a fleet of agent projects";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";

  outputs = { self, nixpkgs }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      forAllSystems = f: nixpkgs.lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});
    in
    {
      devShells = forAllSystems (pkgs: {
        default = pkgs.mkShell {
          packages = [
            pkgs.jdk17
            (pkgs.maven.override { jdk_headless = pkgs.jdk17_headless; })
            pkgs.tmux
            pkgs.git
            pkgs.zsh
            pkgs.openssh # ssh to other hosts; the tests' hosts run its sshd
          ] ++ pkgs.lib.optionals pkgs.stdenv.isLinux [
            pkgs.util-linux # unshare: each test host in a mount namespace of its own
            pkgs.systemd # systemd-analyze checks the unit of po startup systemd
          ];
          shellHook = ''
            export JAVA_HOME=${pkgs.jdk17}
          '';
        };
      });
    };
}
