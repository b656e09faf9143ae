fn main() {
    chiso::ui::mount();
}
