// Rebuild when a migration or a static file changes: both are embedded in the binary.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=static");
    println!("cargo:rerun-if-changed=data");
}
