//! The texts of `ui/unit.rs`, Vietnamese first and English second.

words! {
    UnitText {
        AgainstAveragePeers => ("so với trung bình các đơn vị cùng cấp", "against the average of its peers"),
        PeersAverage => ("Trung bình đơn vị cùng cấp", "Peers' average"),
        ParentUnit => ("Đơn vị cấp trên", "Parent unit"),
    }
}
