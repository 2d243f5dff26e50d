package app

import "sotay/model"

// The default document templates, seeded into a vault that has none.
// Body lines: "# " a centred bold line in capitals, "## " a centred bold
// line, "- " a paragraph with no first-line indent, "" an empty line,
// anything else a justified paragraph with its first line indented.
// {{field}} is replaced by the field's value; DocFields lists them.
const defaultRecipients = "- Như Điều 3,\n- Thường trực cấp ủy (để báo cáo),\n- Lưu Văn phòng, hồ sơ vụ việc."

// DefaultTemplates returns the forms of a case and the periodic report.
func DefaultTemplates() []model.DocTemplate {
	return []model.DocTemplate{
		{Form: "quyet-dinh", Name: "Quyết định thành lập đoàn", Type: "QĐ", Title: "QUYẾT ĐỊNH",
			Recipients: defaultRecipients, Body: `## về việc thành lập {{ten_doan}} đối với {{doi_tuong}}

- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;
- Căn cứ Quy chế làm việc của {{co_quan_ban_hanh_thuong}};
- Căn cứ Kế hoạch kiểm tra, giám sát năm {{nam}};
- Xét đề nghị của Văn phòng Ủy ban Kiểm tra,

# {{co_quan_ban_hanh}} QUYẾT ĐỊNH

Điều 1. Thành lập {{ten_doan}} của {{co_quan_ban_hanh_thuong}} để {{loai_thuong}} đối với {{doi_tuong}} ({{don_vi}}). Nội dung: {{ten_ho_so}}.
Thành phần đoàn gồm các đồng chí: {{thanh_vien}}.
Điều 2. Đoàn làm việc từ ngày {{tu_ngay}} đến ngày {{den_ngay}}, theo kế hoạch được duyệt, và tự giải thể sau khi hoàn thành nhiệm vụ.
Điều 3. Văn phòng Ủy ban Kiểm tra, các đồng chí có tên tại Điều 1 và {{doi_tuong}} chịu trách nhiệm thi hành Quyết định này.`},
		{Form: "ke-hoach", Name: "Kế hoạch", Type: "KH", Title: "KẾ HOẠCH",
			Recipients: defaultRecipients, Body: `## {{loai_thuong}} đối với {{doi_tuong}}

Thực hiện Quyết định số ……… của {{co_quan_ban_hanh_thuong}} về việc thành lập {{ten_doan}}, đoàn xây dựng kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
Xem xét, kết luận đúng, sai, ưu điểm, khuyết điểm, vi phạm (nếu có) của {{doi_tuong}}; việc làm khách quan, đúng quy định.
II. NỘI DUNG
{{ten_ho_so}}.
III. THỜI GIAN, PHƯƠNG PHÁP TIẾN HÀNH
Từ ngày {{tu_ngay}} đến ngày {{den_ngay}}: chuẩn bị đến ngày {{chuan_bi_den}}; tiến hành đến ngày {{tien_hanh_den}}; kết thúc đến ngày {{den_ngay}}.
IV. TỔ CHỨC THỰC HIỆN
Trưởng đoàn: đồng chí {{truong_doan}}. Thành viên: {{thanh_vien}}.`},
		{Form: "de-cuong", Name: "Đề cương gợi ý báo cáo", Type: "HD", Title: "ĐỀ CƯƠNG",
			Recipients: "- {{doi_tuong}},\n- Lưu hồ sơ vụ việc.", Body: `## gợi ý báo cáo phục vụ {{loai_thuong}} đối với {{doi_tuong}}

I. ĐẶC ĐIỂM, TÌNH HÌNH
Khái quát đặc điểm, tình hình của {{doi_tuong}} liên quan đến nội dung: {{ten_ho_so}}.
II. KẾT QUẢ THỰC HIỆN
Báo cáo ưu điểm, khuyết điểm, nguyên nhân; tự nhận vi phạm (nếu có).
III. KIẾN NGHỊ, ĐỀ XUẤT
Báo cáo gửi {{ten_doan}} trước ngày {{chuan_bi_den}}.`},
		{Form: "bien-ban", Name: "Biên bản làm việc", Type: "BB", Title: "BIÊN BẢN",
			Recipients: "- Các thành phần dự họp,\n- Lưu hồ sơ vụ việc.", Body: `## làm việc của {{ten_doan}} với {{doi_tuong}}

Hôm nay, {{ngay_chu}}, tại {{don_vi}}, {{ten_doan}} làm việc với {{doi_tuong}}.
- Về phía đoàn: {{thanh_vien}}.
- Về phía đối tượng: ………
Nội dung làm việc: {{ten_ho_so}}.
Ý kiến các bên: ………
Biên bản lập xong hồi … giờ cùng ngày, đã đọc lại cho các bên cùng nghe và nhất trí ký tên.`},
		{Form: "bao-cao-ket-qua", Name: "Báo cáo kết quả", Type: "BC", Title: "BÁO CÁO",
			Recipients: "- Thường trực Ủy ban Kiểm tra,\n- Lưu hồ sơ vụ việc.", Body: `## kết quả {{loai_thuong}} đối với {{doi_tuong}}

Thực hiện Quyết định thành lập đoàn, từ ngày {{tu_ngay}} đến ngày {{den_ngay}}, {{ten_doan}} đã tiến hành {{loai_thuong}} đối với {{doi_tuong}} ({{don_vi}}) về nội dung: {{ten_ho_so}}.
I. KẾT QUẢ
{{ket_qua}}
II. NHẬN XÉT, KẾT LUẬN
{{ket_luan}}
III. KIẾN NGHỊ, ĐỀ XUẤT
Hình thức kỷ luật đề nghị: {{ky_luat_de_nghi}}.`},
		{Form: "thong-bao-ket-luan", Name: "Thông báo kết luận", Type: "TB", Title: "THÔNG BÁO",
			Recipients: "- {{doi_tuong}},\n- Thường trực cấp ủy (để báo cáo),\n- Lưu Văn phòng, hồ sơ vụ việc.", Body: `## kết luận {{loai_thuong}} đối với {{doi_tuong}}

Thực hiện Quyết định thành lập đoàn, {{ten_doan}} đã tiến hành {{loai_thuong}} đối với {{doi_tuong}} từ ngày {{tu_ngay}} đến ngày {{den_ngay}}. Trên cơ sở báo cáo kết quả của đoàn, {{co_quan_ban_hanh_thuong}} kết luận như sau:
{{ket_luan}}
Về kỷ luật: {{ky_luat}}.
Yêu cầu {{doi_tuong}} nghiêm túc thực hiện kết luận này và báo cáo kết quả khắc phục về {{co_quan_ban_hanh_thuong}}.`},
		{Form: "bao-cao-dinh-ky", Name: "Báo cáo định kỳ", Type: "BC", Title: "BÁO CÁO",
			Recipients: "- {{noi_nhan_bao_cao}},\n- Lưu Văn phòng.", Body: `## công tác kiểm tra, giám sát {{ky_bao_cao}}

Kỳ báo cáo từ ngày {{tu_ngay}} đến ngày {{den_ngay}}.
{{so_lieu}}`},
	}
}
