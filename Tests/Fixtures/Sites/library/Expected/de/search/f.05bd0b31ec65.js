var SITEGEN_SEARCH=window.SITEGEN_SEARCH=window.SITEGEN_SEARCH||{chunks:{},dicts:{},docs:{},facets:{},names:{}};SITEGEN_SEARCH.facets["05bd0b31ec65"]=[[0],[1],[1],[0],[0]];
