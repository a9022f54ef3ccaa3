//! Every path of the API, in one place. Paths that the public docs do not show and the project
//! inferred (§20 of the reference) say so with `inferred: true`; correcting one against the real
//! service is a change to its line here.

use reqwest::Method;

/// One API operation with its ids. Each variant is named as the client method and the app command
/// that run it (`DeleteRecords` → `Client::delete_records` → `delete_records` → `deleteRecords`),
/// whatever the path says (`records/delete_batch`). The only places one name covers two
/// variants: `follow_table` and `follow_record` take `follow: bool` for
/// `Follow…`/`Unfollow…`, and `mark_notification` takes `read: bool` for
/// `MarkNotificationRead`/`MarkNotificationUnread`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    ListSpaces,
    GetSpace(i64),
    CreateSpace,
    UpdateSpace(i64),
    DeleteSpace(i64),
    ListMembers(i64),
    AddMember(i64),
    ChangeMemberRole(i64, i64),
    RemoveMember(i64, i64),
    ListTables(i64),
    GetTable(i64),
    CreateTable(i64),
    UpdateTable(i64),
    DeleteTable(i64),
    ListViews(i64),
    GetView(i64, i64),
    CreateRecord(i64),
    GetRecord(i64, i64),
    UpdateRecord(i64, i64),
    DeleteRecord(i64, i64),
    DeleteRecords(i64),
    QueryRecords(i64),
    CountRecords(i64),
    ListComments(i64, i64),
    CreateComment(i64, i64),
    UploadCommentFile(i64, i64),
    UploadFile(i64, i64),
    DeleteFile(i64, i64),
    DownloadFile(i64, i64),
    DownloadCommentFile(i64, i64),
    FollowTable(i64),
    UnfollowTable(i64),
    FollowRecord(i64, i64),
    UnfollowRecord(i64, i64),
    Following(i64),
    CreateRecordTask(i64, i64),
    ListRecordTasks(i64, i64),
    GetTask(i64),
    UpdateTask(i64),
    CompleteTask(i64),
    ReopenTask(i64),
    DeleteTask(i64),
    ListTaskComments(i64),
    CommentOnTask(i64),
    CreateTask,
    MyTasks,
    ListNotifications,
    UnreadCount,
    MarkNotificationRead(i64),
    MarkNotificationUnread(i64),
    MarkAllNotificationsRead,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub method: Method,
    /// Relative to the base URL, starting with `/`.
    pub path: String,
    /// Not seen in the public docs; decided in §20.
    pub inferred: bool,
}

fn r(method: Method, path: String, inferred: bool) -> Route {
    Route {
        method,
        path,
        inferred,
    }
}

impl Op {
    /// How many operations there are.
    pub const COUNT: usize = 51;

    /// Every operation once, with sample ids: what the route-coverage test walks.
    pub fn samples() -> Vec<Op> {
        use Op::*;
        vec![
            ListSpaces,
            GetSpace(1),
            CreateSpace,
            UpdateSpace(1),
            DeleteSpace(1),
            ListMembers(1),
            AddMember(1),
            ChangeMemberRole(1, 1),
            RemoveMember(1, 1),
            ListTables(1),
            GetTable(1),
            CreateTable(1),
            UpdateTable(1),
            DeleteTable(1),
            ListViews(1),
            GetView(1, 1),
            CreateRecord(1),
            GetRecord(1, 1),
            UpdateRecord(1, 1),
            DeleteRecord(1, 1),
            DeleteRecords(1),
            QueryRecords(1),
            CountRecords(1),
            ListComments(1, 1),
            CreateComment(1, 1),
            UploadCommentFile(1, 1),
            UploadFile(1, 1),
            DeleteFile(1, 1),
            DownloadFile(1, 1),
            DownloadCommentFile(1, 1),
            FollowTable(1),
            UnfollowTable(1),
            FollowRecord(1, 1),
            UnfollowRecord(1, 1),
            Following(1),
            CreateRecordTask(1, 1),
            ListRecordTasks(1, 1),
            GetTask(1),
            UpdateTask(1),
            CompleteTask(1),
            ReopenTask(1),
            DeleteTask(1),
            ListTaskComments(1),
            CommentOnTask(1),
            CreateTask,
            MyTasks,
            ListNotifications,
            UnreadCount,
            MarkNotificationRead(1),
            MarkNotificationUnread(1),
            MarkAllNotificationsRead,
        ]
    }

    /// The place of this operation's variant. The match has no catch-all, so a new operation
    /// does not compile until it is numbered here; a test checks `samples` against `COUNT`.
    pub fn variant_index(self) -> usize {
        use Op::*;
        match self {
            ListSpaces => 0,
            GetSpace(_) => 1,
            CreateSpace => 2,
            UpdateSpace(_) => 3,
            DeleteSpace(_) => 4,
            ListMembers(_) => 5,
            AddMember(_) => 6,
            ChangeMemberRole(..) => 7,
            RemoveMember(..) => 8,
            ListTables(_) => 9,
            GetTable(_) => 10,
            CreateTable(_) => 11,
            UpdateTable(_) => 12,
            DeleteTable(_) => 13,
            ListViews(_) => 14,
            GetView(..) => 15,
            CreateRecord(_) => 16,
            GetRecord(..) => 17,
            UpdateRecord(..) => 18,
            DeleteRecord(..) => 19,
            DeleteRecords(_) => 20,
            QueryRecords(_) => 21,
            CountRecords(_) => 22,
            ListComments(..) => 23,
            CreateComment(..) => 24,
            UploadCommentFile(..) => 25,
            UploadFile(..) => 26,
            DeleteFile(..) => 27,
            DownloadFile(..) => 28,
            DownloadCommentFile(..) => 29,
            FollowTable(_) => 30,
            UnfollowTable(_) => 31,
            FollowRecord(..) => 32,
            UnfollowRecord(..) => 33,
            Following(_) => 34,
            CreateRecordTask(..) => 35,
            ListRecordTasks(..) => 36,
            GetTask(_) => 37,
            UpdateTask(_) => 38,
            CompleteTask(_) => 39,
            ReopenTask(_) => 40,
            DeleteTask(_) => 41,
            ListTaskComments(_) => 42,
            CommentOnTask(_) => 43,
            CreateTask => 44,
            MyTasks => 45,
            ListNotifications => 46,
            UnreadCount => 47,
            MarkNotificationRead(_) => 48,
            MarkNotificationUnread(_) => 49,
            MarkAllNotificationsRead => 50,
        }
    }

    pub fn route(self) -> Route {
        use Op::*;
        let (g, p) = (Method::GET, Method::POST);
        match self {
            ListSpaces => r(g, "/spaces/list".into(), false),
            GetSpace(s) => r(g, format!("/space/{s}/get"), false),
            CreateSpace => r(p, "/spaces/create".into(), false),
            UpdateSpace(s) => r(p, format!("/space/{s}/update"), true),
            DeleteSpace(s) => r(p, format!("/space/{s}/delete"), true),
            ListMembers(s) => r(g, format!("/space/{s}/members/list"), false),
            AddMember(s) => r(p, format!("/space/{s}/members/add"), true),
            ChangeMemberRole(s, u) => r(p, format!("/space/{s}/members/{u}/update"), true),
            RemoveMember(s, u) => r(p, format!("/space/{s}/members/{u}/remove"), true),
            ListTables(s) => r(g, format!("/space/{s}/tables/list"), false),
            GetTable(t) => r(g, format!("/table/{t}/get"), false),
            CreateTable(s) => r(p, format!("/space/{s}/tables/create"), false),
            UpdateTable(t) => r(p, format!("/table/{t}/update"), true),
            DeleteTable(t) => r(p, format!("/table/{t}/delete"), true),
            ListViews(t) => r(g, format!("/table/{t}/views/list"), false),
            GetView(t, v) => r(g, format!("/table/{t}/view/{v}/get"), false),
            CreateRecord(t) => r(p, format!("/table/{t}/records/create"), false),
            GetRecord(t, id) => r(g, format!("/table/{t}/record/{id}/get"), false),
            UpdateRecord(t, id) => r(p, format!("/table/{t}/record/{id}/update"), false),
            DeleteRecord(t, id) => r(p, format!("/table/{t}/record/{id}/delete"), false),
            DeleteRecords(t) => r(p, format!("/table/{t}/records/delete_batch"), false),
            QueryRecords(t) => r(p, format!("/table/{t}/records/query"), false),
            CountRecords(t) => r(p, format!("/table/{t}/records/count"), false),
            ListComments(t, id) => r(g, format!("/table/{t}/record/{id}/comments/get"), false),
            CreateComment(t, id) => r(p, format!("/table/{t}/record/{id}/comments/create"), false),
            UploadCommentFile(t, id) => {
                r(p, format!("/table/{t}/record/{id}/comments/upload"), false)
            }
            UploadFile(t, id) => r(p, format!("/table/{t}/record/{id}/files/create"), false),
            DeleteFile(t, id) => r(p, format!("/table/{t}/record/{id}/files/delete"), false),
            DownloadFile(t, id) => r(p, format!("/table/{t}/record/{id}/files/get"), false),
            // The docs show no download for a comment's attachment; the project's reading is
            // the record's `files/get` naming the comment instead of a field (see `api/comments.rs`).
            DownloadCommentFile(t, id) => r(p, format!("/table/{t}/record/{id}/files/get"), true),
            FollowTable(t) => r(p, format!("/subscriptions/{t}/subscribe"), false),
            UnfollowTable(t) => r(p, format!("/subscriptions/{t}/unsubscribe"), false),
            FollowRecord(t, id) => r(p, format!("/subscriptions/{t}/{id}/subscribe"), false),
            UnfollowRecord(t, id) => r(p, format!("/subscriptions/{t}/{id}/unsubscribe"), false),
            Following(t) => r(p, format!("/subscriptions/{t}/status"), false),
            CreateRecordTask(t, id) => r(p, format!("/tasks/onRecord/{t}/{id}/create"), false),
            ListRecordTasks(t, id) => r(g, format!("/tasks/onRecord/{t}/{id}/list"), false),
            GetTask(id) => r(g, format!("/task/{id}/get"), false),
            UpdateTask(id) => r(p, format!("/task/{id}/update"), true),
            CompleteTask(id) => r(p, format!("/task/{id}/done"), true),
            ReopenTask(id) => r(p, format!("/task/{id}/reopen"), true),
            DeleteTask(id) => r(p, format!("/task/{id}/delete"), true),
            ListTaskComments(id) => r(g, format!("/task/{id}/comments/get"), true),
            CommentOnTask(id) => r(p, format!("/task/{id}/comments/create"), true),
            CreateTask => r(p, "/tasks/create".into(), true),
            MyTasks => r(g, "/tasks/list".into(), true),
            ListNotifications => r(p, "/notifications/list".into(), false),
            UnreadCount => r(p, "/notifications/unreadCount".into(), false),
            MarkNotificationRead(id) => r(p, format!("/notifications/{id}/markRead"), false),
            MarkNotificationUnread(id) => r(p, format!("/notifications/{id}/markUnread"), false),
            MarkAllNotificationsRead => r(p, "/notifications/markAllRead".into(), false),
        }
    }

    /// Creating, changing or deleting a workspace: unrestricted account keys only (§2.2).
    pub fn is_workspace_admin(self) -> bool {
        matches!(
            self,
            Op::CreateSpace | Op::UpdateSpace(_) | Op::DeleteSpace(_)
        )
    }

    /// The most a success answer may hold: a file download is the file cap in base64 plus its
    /// JSON wrapping; everything else is a page of JSON.
    pub fn response_cap(self) -> usize {
        match self {
            Op::DownloadFile(..) | Op::DownloadCommentFile(..) => {
                crate::MAX_FILE_BYTES.div_ceil(3) * 4 + 64 * 1024
            }
            _ => crate::client::JSON_BODY_CAP,
        }
    }

    /// Reads may be sent again after a failure; writes never are. Listing notifications only
    /// marks them seen, which is idempotent.
    pub fn is_read(self) -> bool {
        use Op::*;
        self.route().method == Method::GET
            || matches!(
                self,
                QueryRecords(_)
                    | CountRecords(_)
                    | DownloadFile(..)
                    | DownloadCommentFile(..)
                    | Following(_)
                    | UnreadCount
                    | ListNotifications
            )
    }
}
